// A static server for this folder on 127.0.0.1. `node examples/browser/serve.mjs`
// builds the page and serves it on http://127.0.0.1:8080/ (PORT to change).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage } from './build.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Serves files under this folder; resolves to { url, close }. */
export function serve(port = 0) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)).replace(/^[/\\]+/, '');
    const file = `${root}${path === '' || path.endsWith(sep) ? `${path}index.html` : path}`;
    if (path.split(sep).includes('..')) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}/`,
      close: () => new Promise((done) => server.close(done)),
    }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPage();
  const { url } = await serve(Number(process.env.PORT ?? 8080));
  console.log(`serving the example page on ${url} (Ctrl-C to stop)`);
}
