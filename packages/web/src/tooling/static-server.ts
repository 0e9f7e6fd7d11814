/**
 * A static file server on the loopback interface, for the playground and the browser tests:
 * sirv serves the files (content types, ranges, no dotfiles), node:http listens. Nothing is
 * cached, so an edited page or rebuilt bundle shows on reload.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The folder served at `/`. */
  readonly root: string;
  /** 0 (the default) lets the system choose a free port. */
  readonly port?: number;
  /** Where `/` redirects, e.g. `/packages/web/playground/`. */
  readonly home?: string;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const serve = sirv(options.root, { dev: true, dotfiles: false, etag: false });
  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${req.url ?? ''}\n`);
  };
  const server = createServer((req, res) => {
    if (options.home && (req.url === '/' || req.url === '')) {
      res.writeHead(302, { location: options.home }).end();
      return;
    }
    // sirv's `dotfiles: false` is not applied in dev mode: .git, .env and the like stay private here.
    if (/(^|\/)\./.test(pathnameOf(req))) {
      notFound(req, res);
      return;
    }
    serve(req, res, () => notFound(req, res));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  // Listening on a TCP port (above), the address is an AddressInfo, never a pipe's name.
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}

/** The request's path, decoded (so `%2e` cannot smuggle a dot past the check). */
function pathnameOf(req: IncomingMessage): string {
  const raw = new URL(req.url ?? '/', 'http://localhost').pathname;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
