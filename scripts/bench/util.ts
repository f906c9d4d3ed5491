// Shared plumbing for `npm run bench`: statistics, a static server, Chromium and a plain-text table.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions
} from 'playwright';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags every Chromium the benchmark starts gets (Playwright and Lighthouse alike). */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Median of a list of numbers (NaN when empty). */
export function median(values: number[]): number {
	return percentile(values, 50);
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks (NaN when empty). */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Largest value (NaN when empty). */
export function max(values: number[]): number {
	return values.length === 0 ? NaN : Math.max(...values);
}

/** Round to `digits` decimals, for JSON that stays readable. */
export function round(value: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** Summary of a list of durations in milliseconds. */
export interface Summary {
	n: number;
	median: number;
	p95: number;
	max: number;
}

/** Median, 95th percentile and maximum of durations, rounded to 3 decimals. */
export function summarise(values: number[]): Summary {
	return {
		n: values.length,
		median: round(median(values), 3),
		p95: round(percentile(values, 95), 3),
		max: round(max(values), 3)
	};
}

/** Frame statistics from requestAnimationFrame intervals (ms). */
export interface FrameStats extends Summary {
	/** Intervals longer than 20 ms. */
	over20: number;
	/** Intervals longer than 20 ms per 100 frames. */
	over20Per100: number;
}

/** Frame statistics: how many rAF intervals exceeded 20 ms, per 100 frames. */
export function frameStats(intervals: number[]): FrameStats {
	const over20 = intervals.filter((d) => d > 20).length;
	return {
		...summarise(intervals),
		over20,
		over20Per100: intervals.length ? round((100 * over20) / intervals.length, 2) : NaN
	};
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

/** A running `scripts/serve.js` (gzip, clean URLs, like a static host). */
export interface Server {
	origin: string;
	stop(): Promise<void>;
}

/** Serve a folder with scripts/serve.js on a free port and wait until it answers. */
export async function serve(dir: string): Promise<Server> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		['scripts/serve.js', '--port', String(port), '--dir', dir],
		{ stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BASE_PATH: '' } }
	);
	const origin = `http://localhost:${port}`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`serve.js exited with code ${child.exitCode}`);
		try {
			const res = await fetch(`http://127.0.0.1:${port}/`);
			await res.arrayBuffer();
			break;
		} catch {
			if (Date.now() > deadline) throw new Error(`serve.js did not answer on port ${port}`);
			await sleep(100);
		}
	}
	return {
		origin,
		stop: () =>
			new Promise<void>((done) => {
				if (child.exitCode !== null) return done();
				child.once('exit', () => done());
				child.kill('SIGTERM');
			})
	};
}

/** Start Chromium through Playwright with the benchmark's flags. */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`Chromium not found at ${CHROMIUM_PATH}; set CHROMIUM_PATH`);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/**
 * A browser context whose pages define `__name`: tsx (esbuild) wraps named functions in
 * `__name(fn, "name")`, and functions passed to page.evaluate carry that call into the page.
 */
export async function newContext(
	browser: Browser,
	options: BrowserContextOptions
): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	context.setDefaultTimeout(30_000);
	await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
	return context;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((done) => setTimeout(done, ms));
}

/** Bytes as KB with one decimal (1 KB = 1,024 bytes). */
export function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Milliseconds with a sensible number of decimals. */
export function ms(value: number): string {
	if (!Number.isFinite(value)) return '—';
	if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
	if (value >= 100) return `${value.toFixed(0)} ms`;
	if (value >= 10) return `${value.toFixed(1)} ms`;
	return `${value.toFixed(2)} ms`;
}

/**
 * A plain-text table: a header row, a rule, then rows. Columns align as `align` says ('l' or 'r');
 * by default, cells that look like numbers align right.
 */
export function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const numeric = (s: string) => /^[-+≤≥<>~]?\s?[\d.,]+(\s?[a-zA-Z%/]+)?$/.test(s) || s === '—';
	const line = (cells: string[]) =>
		cells
			.map((c, i) =>
				(align ? align[i] === 'r' : numeric(c) && i > 0)
					? c.padStart(widths[i])
					: c.padEnd(widths[i])
			)
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
