/**
 * A request answered before its body has all arrived (413 too_large: a 300 MB body against a
 * 1 MB limit) is answered with `Connection: close`, and Node then closes the socket as soon as
 * the answer is written. The client is still sending, so the kernel answers the rest with a
 * reset; a client that fails on it (curl: "Send failure: Broken pipe", "Connection reset") never
 * shows the 413. So, as web servers do ("lingering close"): send the answer and end our side,
 * then read on and discard until the client stops (it ends its side, or its body is complete),
 * within a bound of time and bytes, and only then close. curl stops sending once it has the
 * answer, so it takes no more than a round trip.
 */
import type { IncomingMessage } from 'node:http';

/** Longest time a closing connection is read on. */
const LINGER_MS = 5_000;
/** Most bytes of a refused body read (and dropped) after the answer; a client sending more is cut. */
const LINGER_BYTES = 64 * 1024 * 1024;

/** Close the connection of `request`, once answered, only after the client has stopped sending. */
export function closeAfterClientStops(request: IncomingMessage): void {
  const socket = request.socket;
  if (request.complete || socket.destroyed) return;
  // Node ends a `Connection: close` answer with socket.destroySoon() (after the request's rest is
  // set to be dropped: IncomingMessage._dump), which would destroy the socket once our FIN is out.
  const destroySoon = socket.destroySoon;
  socket.destroySoon = () => {
    // Once: a later request on this connection (kept alive after a 415, its body dropped) closes as Node would.
    socket.destroySoon = destroySoon;
    if (request.complete) {
      destroySoon.call(socket);
      return;
    }
    let received = 0;
    const stop = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(stop, LINGER_MS);
    timer.unref();
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > LINGER_BYTES) stop();
    });
    request.once('end', stop);
    request.once('error', stop);
    socket.once('end', stop);
    socket.once('close', () => clearTimeout(timer));
    // The answer, then our FIN: the server's side is closed, the client's is read on (HTTP sockets are half-open).
    socket.end();
  };
}
