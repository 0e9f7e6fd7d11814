/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and lists the frames with the most self time,
 * plus the inclusive ("total") time of the frames that matter, so a profile can be read in a
 * terminal and pasted into docs/performance.md. Frames in a built file with a source map
 * (packages/criteria-engine/dist/*.js) are shown at their TypeScript source line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FrameTime {
  readonly frame: string;
  readonly selfMs: number;
  readonly selfShare: number;
  readonly totalMs: number;
  readonly totalShare: number;
}

export function topFrames(file: string, limit = 20, root = process.cwd()): FrameTime[] {
  // cast: a .cpuprofile file V8 wrote (--cpu-prof), in the format CpuProfile describes.
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (cf: CallFrame): string => {
    const name = cf.functionName || '(anonymous)';
    if (!cf.url) return name;
    const original = cf.url.startsWith('file://')
      ? mapToSource(fileURLToPath(cf.url), cf.lineNumber, cf.columnNumber)
      : undefined;
    if (original) return `${name} ${relative(root, original.file)}:${original.line}`;
    const path = cf.url.startsWith('file://') ? relative(root, fileURLToPath(cf.url)) : cf.url;
    return `${name} ${path}:${cf.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const sample = profile.samples[i];
    let node = sample === undefined ? undefined : byId.get(sample);
    if (!node) continue;
    const leaf = label(node.callFrame);
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set<string>();
    for (;;) {
      const l = label(node.callFrame);
      if (!seen.has(l)) {
        seen.add(l);
        total.set(l, (total.get(l) ?? 0) + dt);
      }
      const p = parent.get(node.id);
      if (p === undefined) break;
      node = byId.get(p);
      if (!node) break;
    }
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, ms]) => ({
      frame,
      selfMs: ms,
      selfShare: ms / all,
      totalMs: total.get(frame) ?? ms,
      totalShare: (total.get(frame) ?? ms) / all,
    }));
}

const maps = new Map<string, SourceMap | null>();

/** The TypeScript source position of a position in a built file, through its `.map`. */
function mapToSource(file: string, line: number, column: number): { file: string; line: number } | undefined {
  let map = maps.get(file);
  if (map === undefined) {
    const mapFile = `${file}.map`;
    // cast: a source map the bundler wrote beside the file, in the format SourceMap reads.
    map = existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload) : null;
    maps.set(file, map);
  }
  if (!map || line < 0) return undefined;
  const entry = map.findEntry(line, column);
  // An empty object where the map has no entry for the position.
  if (!('originalSource' in entry) || !entry.originalSource) return undefined;
  const source = entry.originalSource.startsWith('file://')
    ? fileURLToPath(entry.originalSource)
    : resolve(dirname(file), entry.originalSource);
  return { file: source, line: entry.originalLine + 1 };
}

export function formatFrames(frames: readonly FrameTime[]): string {
  const lines = ['  self %   total %  frame'];
  for (const f of frames) {
    lines.push(
      `${(f.selfShare * 100).toFixed(1).padStart(8)} ${(f.totalShare * 100).toFixed(1).padStart(8)}  ${f.frame}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    console.log(file);
    console.log(formatFrames(topFrames(file, 25)));
  }
}
