// Try-it timing: recompute and redraw for a 24-word sentence, in Node (compute only) and in Chromium (compute + redraw).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildManifest } from '../../src/lib/server/content/index.ts';
import { computeSentence } from '../../src/lib/model/step-data.ts';
import { tokenize } from '../../src/lib/model/tokenize.ts';
import type { Chapter } from '../../src/lib/manifest.ts';
import type { ToyModel } from '../../src/lib/model/types.ts';
import { newContext, round, serve, summarise, type Summary } from './util.ts';

export const TOKENS = 24;
const PAGE_DIR = resolve('bench-results/tryit-page');

/** The essay's content, parsed the way the build does it. */
export function loadEssay(): { model: ToyModel; chapters: Chapter[] } {
	const files: Record<string, string> = {};
	for (const f of readdirSync('content'))
		files[`content/${f}`] = readFileSync(`content/${f}`, 'utf8');
	const { manifest, model } = buildManifest(files);
	return { model, chapters: manifest.chapters };
}

/**
 * Two sentences of exactly 24 vocabulary words that differ in one word (a reader's edit), and the
 * index of the focused word. Vocabulary order is the model file's, so the sentence is stable.
 */
export function sentences(model: ToyModel): { texts: [string, string]; query: number } {
	const words = Object.keys(model.vocabulary).filter((w) => tokenize(w).length === 1);
	if (words.length < TOKENS + 1) throw new Error(`the vocabulary has only ${words.length} words`);
	const a = words.slice(0, TOKENS);
	const b = [...a];
	b[TOKENS / 2] = words[TOKENS];
	const query = a.includes('dog') ? a.indexOf('dog') : TOKENS - 1;
	return { texts: [a.join(' '), b.join(' ')], query: query === TOKENS / 2 ? TOKENS - 1 : query };
}

export interface TryItNode {
	/** What was timed. */
	label: string;
	time: Summary;
}

export interface TryItCase {
	name: string;
	components: string[];
	change: 'sentence' | 'query';
	/** recompute + Svelte DOM update + style/layout, per change. */
	total: Summary;
	recompute: Summary;
	dom: Summary;
	layout: Summary;
	svgRects: number;
}

export interface TryItBrowser {
	mode: 'tryit' | 'essay-figure';
	cpuThrottling: number;
	cases: TryItCase[];
	/** The slowest case's median total. */
	worstMedian: number;
	error?: string;
}

/** Median time of the pure recompute in Node: the try-it's runTry if it exists, else computeSentence. */
export async function tryItNode(model: ToyModel, chapter: Chapter): Promise<TryItNode> {
	const { texts, query } = sentences(model);
	const head = Object.keys(model.heads)[0];
	let fn: () => unknown = () =>
		computeSentence(model, texts[0], { heads: [head], causal: chapter.defaults.causal });
	let label = `computeSentence(model, 24 words, one head "${head}")`;
	try {
		const compute = (await import('../../src/lib/tryit/compute.ts')) as Record<string, unknown>;
		if (typeof compute.runTry === 'function') {
			const runTry = compute.runTry as (m: ToyModel, h: string, s: unknown) => unknown;
			const state = {
				sentence: texts[0],
				query,
				causal: true,
				stage: 'mask',
				nudge: Array.from({ length: model.keySize }, () => 0)
			};
			fn = () => runTry(model, head, state);
			label = `runTry (src/lib/tryit/compute.ts), 24 words, head "${head}", causal`;
		}
	} catch {
		// No try-it module yet: computeSentence stands in.
	}
	for (let i = 0; i < 200; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < 1000; i++) {
		const t0 = performance.now();
		fn();
		times.push(performance.now() - t0);
	}
	return { label, time: summarise(times) };
}

/** Build the small page that mounts the essay's figure components (Vite + Svelte, production mode). */
export async function buildTryItPage(): Promise<number> {
	const t0 = performance.now();
	await build({
		configFile: false,
		root: resolve('scripts/bench/tryit-page'),
		base: './',
		logLevel: 'error',
		plugins: [svelte({ configFile: false, preprocess: vitePreprocess() })],
		resolve: { alias: { $lib: resolve('src/lib') } },
		define: { __PUBLIC_ORIGIN__: JSON.stringify('http://localhost:4173') },
		build: { outDir: PAGE_DIR, emptyOutDir: true, reportCompressedSize: false }
	});
	return round(performance.now() - t0, 0);
}

interface PageApi {
	mode: 'tryit' | 'essay-figure';
	cases(): string[];
	prepare(index: number): string[];
	run(change: 'sentence' | 'query'): [number, number, number];
	cells(): number;
}

/**
 * In Chromium (desktop viewport, motion reduced so a redraw lands in one go): for each stage the
 * try-it can show, time a change of one word (and a move of the query slider, when the try-it
 * exists) through recompute, the Svelte DOM update and the forced style and layout. Paint is not
 * included: it happens after, off the timed path.
 */
export async function tryItBrowser(
	browser: Browser,
	essay: { model: ToyModel; chapter: Chapter },
	cpuThrottling = 1
): Promise<TryItBrowser> {
	const server = await serve(PAGE_DIR);
	const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const { texts, query } = sentences(essay.model);
	const c = essay.chapter;
	const input = {
		model: essay.model,
		chapter: {
			slug: c.slug,
			title: c.title,
			sentences: c.sentences,
			defaults: c.defaults,
			planes: c.planes
		},
		steps: c.steps.map((s) => ({ id: s.id, state: s.state })),
		texts,
		query
	};
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	try {
		await page.addInitScript((data) => {
			(window as unknown as { __BENCH_TRYIT__: unknown }).__BENCH_TRYIT__ = data;
		}, input);
		await page.goto(`${server.origin}/`, { waitUntil: 'load' });
		await page.waitForFunction(() => '__tryit' in window, undefined, { timeout: 10_000 });
		if (cpuThrottling > 1) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
		}
		const mode = await page.evaluate(
			() => (window as unknown as { __tryit: PageApi }).__tryit.mode
		);
		const names = await page.evaluate(() =>
			(window as unknown as { __tryit: PageApi }).__tryit.cases()
		);
		const changes: ('sentence' | 'query')[] =
			mode === 'tryit' ? ['sentence', 'query'] : ['sentence'];
		const cases: TryItCase[] = [];
		for (let i = 0; i < names.length; i++) {
			for (const change of changes) {
				const out = await page.evaluate(
					({ i, change }) => {
						const t = (window as unknown as { __tryit: PageApi }).__tryit;
						const components = t.prepare(i);
						// Up to 15 untimed and 60 timed changes, within ~3 s and ~10 s (at least 3 timed).
						const warm = performance.now() + 3000;
						for (let k = 0; k < 15 && performance.now() < warm; k++) t.run(change);
						const stop = performance.now() + 10_000;
						const runs: [number, number, number][] = [];
						while (runs.length < 60 && (runs.length < 3 || performance.now() < stop)) {
							runs.push(t.run(change));
						}
						return { components, runs, rects: t.cells() };
					},
					{ i, change }
				);
				cases.push({
					name: names[i],
					components: out.components,
					change,
					total: summarise(out.runs.map((r) => r[0] + r[1] + r[2])),
					recompute: summarise(out.runs.map((r) => r[0])),
					dom: summarise(out.runs.map((r) => r[1])),
					layout: summarise(out.runs.map((r) => r[2])),
					svgRects: out.rects
				});
			}
		}
		return {
			mode,
			cpuThrottling,
			cases,
			worstMedian: Math.max(...cases.map((x) => x.total.median)),
			...(errors.length ? { error: errors.join('; ') } : {})
		};
	} catch (error) {
		return {
			mode: 'essay-figure',
			cpuThrottling,
			cases: [],
			worstMedian: NaN,
			error: [String(error), ...errors].join('; ')
		};
	} finally {
		await context.close();
		await server.stop();
	}
}
