/**
 * `lcz lsp`: the language server (../lsp/server.ts) on standard input and output, until the
 * editor sends `exit` or closes the stream. Nothing else may write to standard output: it is the
 * protocol's channel.
 */
import type { LspOptions } from './lsp.usage.js';
import { EXIT, type Session } from '../session.js';

export async function lsp(options: LspOptions, session: Session): Promise<number> {
  const { createConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node');
  const { startLanguageServer } = await import('../lsp/server.js');
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  startLanguageServer(connection, { lang: options.lang, env: session.env });
  await Promise.race([closed, new Promise<void>((resolve) => process.stdin.once('end', resolve))]);
  connection.dispose();
  return EXIT.ok;
}
