/** A static server on loopback for the e2e tests, the demo and the benchmark. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

export interface Route {
  body: string;
  headers?: Record<string, string>;
}

/** Serves files under `roots` (first hit wins) and in-memory `routes`, on 127.0.0.1. */
export async function startServer(roots: string[], routes: Record<string, Route> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route) {
      res.writeHead(200, { 'content-type': TYPES['.html'] as string, ...route.headers });
      res.end(route.body);
      return;
    }
    for (const root of roots) {
      const file = resolve(root, `.${normalize(path)}`);
      if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile()) continue;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path.startsWith('/') ? '' : '/'}${path}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // A browser's PDF viewer keeps its range requests' connections open.
        server.closeAllConnections();
      }),
  };
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
