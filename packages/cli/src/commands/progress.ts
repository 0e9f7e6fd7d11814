/**
 * A progress bar on standard error, drawn only when standard error is a terminal (never in pipes,
 * logs or CI). It follows bytes read, the one measure every input format has from the start, and
 * shows rows, rows per second and the time left.
 */
import { Writable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { say, type Lang, type Session } from '../session.js';

export interface Progress {
  update(rows: number, bytesRead: number, totalBytes: number | undefined, elapsedMs: number): void;
  stop(): void;
}

const QUIET: Progress = { update() {}, stop() {} };

export function progressBar(session: Session, lang: Lang): Progress {
  if (!session.stderrIsTTY) return QUIET;
  // cli-progress writes to the stream and reads isTTY and columns: a Writable onto the session's
  // standard error (written at once: _write calls back synchronously).
  const stream = Object.assign(
    new Writable({
      decodeStrings: false,
      write(chunk: unknown, _encoding, done) {
        session.errRaw(String(chunk));
        done();
      },
    }),
    { isTTY: true, columns: 100 },
  );
  const bar = new SingleBar({
    format: say(lang, 'batch_progress'),
    stream,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 5,
  });
  let started = false;
  return {
    update(rows, bytesRead, totalBytes, elapsedMs) {
      const rate = elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0;
      if (!started) {
        bar.start(totalBytes ?? Math.max(bytesRead, 1), bytesRead, { rows, rate });
        started = true;
      } else {
        if (totalBytes !== undefined) bar.setTotal(totalBytes);
        bar.update(bytesRead, { rows, rate });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
