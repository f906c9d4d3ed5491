// Serves build/ like a static host (gzip, clean URLs, 404 page) for `npm start`, the e2e tests and the benchmark.
//
// Usage: node scripts/serve.js [--port 4173] [--dir build]
// Env:   BASE_PATH (e.g. /attention) mounts the site under that prefix, as on a project page.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const args = process.argv.slice(2);
/** @type {(name: string, fallback: string) => string} */
const arg = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? '4173'));
const root = resolve(arg('dir', 'build'));
const base = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml']);

if (!existsSync(join(root, 'index.html'))) {
	console.error(`No build found in ${root}. Run \`npm run build\` first.`);
	process.exit(1);
}

/**
 * Map a URL path to a file in the build, the way static hosts do.
 * @param {string} pathname
 * @returns {string | undefined}
 */
function resolveFile(pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates = [clean, join(clean, 'index.html'), `${clean}.html`];
	for (const c of candidates) {
		const file = join(root, c);
		if (!file.startsWith(root)) return undefined;
		if (existsSync(file) && statSync(file).isFile()) return file;
	}
	return undefined;
}

/**
 * Send a file, gzipped when the client takes it.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 */
function send(req, res, file, status = 200) {
	const ext = extname(file);
	/** @type {Record<string, string>} */
	const headers = {
		'Content-Type': TYPES[ext] ?? 'application/octet-stream',
		'Cache-Control': 'no-cache'
	};
	const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
	if (gzip) headers['Content-Encoding'] = 'gzip';
	headers['Vary'] = 'Accept-Encoding';
	res.writeHead(status, headers);
	if (req.method === 'HEAD') return res.end();
	const stream = createReadStream(file);
	(gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	let path = url.pathname;
	if (base) {
		if (path === base) {
			res.writeHead(301, { Location: `${base}/` });
			return res.end();
		}
		if (!path.startsWith(`${base}/`)) return send(req, res, join(root, '404.html'), 404);
		path = path.slice(base.length);
	}
	const file = resolveFile(path);
	if (file && file.endsWith('index.html') && !path.endsWith('/') && !path.endsWith('.html')) {
		res.writeHead(301, { Location: `${base}${path}/${url.search}` });
		return res.end();
	}
	if (file) return send(req, res, file);
	const notFound = join(root, '404.html');
	if (existsSync(notFound)) return send(req, res, notFound, 404);
	res.writeHead(404, { 'Content-Type': 'text/plain' });
	res.end('Not found');
});

server.listen(port, '127.0.0.1', () => {
	console.log(`The essay is being served at http://localhost:${port}${base}/ (Ctrl+C to stop)`);
});
