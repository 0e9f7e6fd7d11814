/** A fake terminal for calling run() in-process. */
import { run, type CliIO } from '../src/index.js';

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function lcz(
  argv: readonly string[],
  options: { cwd?: string; isTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** `file:line:column` at the start of a diagnostic line. */
export const LOCATED = /^(?:\S.*?):(\d+):(\d+)\b/m;
