/**
 * Serves the production build (dist/) for the smoke suite, which runs outside Playwright and its
 * preview server. index.html gains one same-origin script, before the app's, that records every
 * uncaught error, unhandled rejection, failed load and CSP violation in `window.__pageErrors`: the
 * same check in every engine, from the first line the page runs, under the app's own CSP. Requests
 * for files that do not exist are recorded too. FRAME_PATH serves a page with one frame in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES } from '../staticServer';

/** The build's content types, with the charset the smoke suite's engines expect for text. */
const TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(CONTENT_TYPES).map(([ext, type]) => [
    ext,
    type.startsWith('text/') ? `${type}; charset=utf-8` : type,
  ]),
);

const RECORDER_PATH = '/__smoke/page-errors.js';

/**
 * A page holding one frame, for a viewport narrower than a browser's window can be (WebKitGTK's
 * MiniBrowser stops at about 450 px): the app runs in the frame, and its media queries and
 * innerWidth follow the frame's size.
 */
export const FRAME_PATH = '/__smoke/frame.html';
const FRAME_PAGE =
  '<!doctype html><html lang="en"><title>frame</title><link rel="icon" href="data:,">' +
  '<body style="margin:0">' +
  '<iframe title="Least Action Lab" style="border:0;display:block"></iframe></body></html>';

declare global {
  interface Window {
    __pageErrors?: string[];
  }
}

/** Runs in the page before the app: collects what went wrong there. */
function recordPageErrors(): void {
  const errors: string[] = [];
  window.__pageErrors = errors;
  // Capture phase: a script or image that fails to load fires `error` on its element, not the window.
  window.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement || target instanceof HTMLLinkElement) {
        errors.push(`failed to load ${target instanceof HTMLScriptElement ? target.src : target.href}`);
      } else if (event instanceof ErrorEvent) {
        errors.push(`${event.message} (${event.filename || 'evaluated code'}:${event.lineno})`);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    errors.push(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    errors.push(`CSP blocked ${event.blockedURI || 'inline code'} (${event.violatedDirective})`);
  });
}

export interface StaticServer {
  url: string;
  /** Paths requested that dist/ does not have. */
  missing: string[];
  close(): Promise<void>;
}

export async function serveDist(root: string, port: number): Promise<StaticServer> {
  const dist = resolve(root);
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`${indexPath} does not exist: build the app first (npm run build)`);
  }
  const recorder = `(${recordPageErrors.toString()})();\n`;
  // A classic script in the head runs before the app's module script, which is deferred.
  const index = readFileSync(indexPath, 'utf8').replace(
    '<script type="module"',
    `<script src=".${RECORDER_PATH}"></script>\n    <script type="module"`,
  );
  const missing: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/' || path === '/index.html') return send(200, TYPES['.html'], index);
    if (path === RECORDER_PATH) return send(200, TYPES['.js'], recorder);
    if (path === FRAME_PATH) return send(200, TYPES['.html'], FRAME_PAGE);
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist) || !existsSync(file) || !TYPES[extname(file)]) {
      missing.push(path);
      return send(404, 'text/plain', 'not found');
    }
    send(200, TYPES[extname(file)], readFileSync(file));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    missing,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
