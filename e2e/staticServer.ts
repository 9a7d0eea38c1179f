/**
 * A static file server for tests that need a host of their own: a build served from a sub-path, a
 * server that goes away (offline), a new build swapped in (updates), a page on another origin.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files a build holds (shared with the browser smoke suite's server). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

export interface StaticServer {
  /** The origin, e.g. http://127.0.0.1:43210 (a free port chosen by the system). */
  readonly origin: string;
  /** Serves another folder from now on (a new build deployed). */
  serve(root: string): void;
  /** Stops answering: open connections are cut, new ones refused. */
  close(): Promise<void>;
}

/** Serves the files of `root` under `prefix` (`/`, or a sub-path like `/course/lab/`) on 127.0.0.1. */
export async function startStaticServer(root: string, prefix = '/'): Promise<StaticServer> {
  let folder = normalize(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(folder, path.slice(prefix.length) || 'index.html'));
    if (!path.startsWith(prefix) || !file.startsWith(folder + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve(next) {
      folder = normalize(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
