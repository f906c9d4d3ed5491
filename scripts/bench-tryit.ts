// Times what one keystroke costs in a try-it: recompute a 24-word sentence and render its figure.
//
//   npx tsx scripts/bench-tryit.ts [--runs 400]
//
// Loads the real modules through Vite (so .svelte files and $lib resolve as in the build), then
// alternates two 24-word sentences that differ in one word, as typing does, and prints the median
// and 95th percentile of: the recompute (runTry + figureInput), the recompute plus a server render
// of the grid (TryGrid) and of the update view (Figure), and a server render of the whole try-it.
// (`render(…).body` is read each time: Svelte renders lazily.) Server rendering builds the same
// markup the browser's redraw does, as one string; the browser's
// own timings (DOM update, layout) are in scripts/bench/tryit-page (`npm run bench`).
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createServer } from 'vite';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(10, Number(process.argv[runsArg + 1]) || 400) : 400;
const FRAME_MS = 1000 / 60;

/** A 24-word sentence of known and unknown words, with one word swapped in the second. */
const WORDS = [
	'a fluffy blue creature roamed the verdant forest and the hot dog was a small red cat',
	'in paris with green skin soup near the tall tower'
].join(' ');
const TEXTS = [WORDS, WORDS.replace('small', 'big')];

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	return sorted[lo] + (sorted[Math.ceil(rank)] - sorted[lo]) * (rank - lo);
}

/** Runs `fn` RUNS times (after a warm-up) and returns each run's milliseconds. */
function time(fn: (i: number) => void): number[] {
	for (let i = 0; i < 30; i++) fn(i);
	const out: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		fn(i);
		out.push(performance.now() - t0);
	}
	return out;
}

// Production compilation (no dev-mode checks), as the built site ships.
process.env.NODE_ENV = 'production';
const server = await createServer({
	mode: 'production',
	server: { middlewareMode: true, hmr: false, watch: null },
	appType: 'custom',
	logLevel: 'error'
});

try {
	const load = (id: string) => server.ssrLoadModule(id);
	const { render } = await load('svelte/server');
	const { loadModel } = await load('/src/lib/server/content/model.ts');
	const { runTry, figureInput } = await load('/src/lib/tryit/compute.ts');
	const { planeOf } = await load('/src/lib/manifest.ts');
	const TryGrid = (await load('/src/lib/tryit/TryGrid.svelte')).default;
	const TryItLive = (await load('/src/lib/tryit/TryItLive.svelte')).default;
	const Figure = (await load('/src/lib/figures/Figure.svelte')).default;

	const model = loadModel(readFileSync('content/model.yaml', 'utf8'), 'content/model.yaml');
	const head = Object.keys(model.heads)[0];
	const features: string[] = model.features;
	const meaningLabels = Object.fromEntries(
		Object.entries(model.meanings).map(([k, m]) => [k, (m as { label: string }).label])
	);
	const defaults = {
		stage: 'softmax',
		sentence: 0,
		compare: [],
		source: null,
		query: 'creature',
		causal: false,
		attend: true,
		readout: false,
		meanings: ['animal', 'food'],
		highlight: [],
		heads: [head],
		plane: 'default',
		focus: null
	};
	const plane = {
		x: { label: 'food', direction: { food: 1 } },
		y: { label: 'animal', direction: { animal: 1 } }
	};
	const chapter = {
		slug: 'bench',
		number: 1,
		title: 'Bench',
		description: '',
		sentences: [TEXTS[0]],
		defaults,
		planes: { default: plane },
		file: '',
		steps: [{ id: 'bench-step', chapter: 'bench', state: defaults, summary: '', line: 1 }]
	};

	const state = (i: number, stage: string) => ({
		sentence: TEXTS[i % 2],
		query: 3,
		causal: stage === 'mask',
		stage,
		nudge: [0, i % 2 ? 1.5 : 0, 0, 0]
	});
	const compute = (i: number, stage: string) => {
		const s = state(i, stage);
		const run = runTry(model, head, s);
		return { run, figure: figureInput(run, s, chapter, model) };
	};
	const tokens = runTry(model, head, state(0, 'softmax')).tokens.length;
	if (tokens !== 24) throw new Error(`the benchmark sentence has ${tokens} words, not 24`);

	let bytes = 0;
	const rows: [string, number[]][] = [
		['recompute (runTry + figureInput)', time((i) => void compute(i, 'softmax'))],
		[
			'recompute + render grid (softmax)',
			time((i) => {
				const { figure } = compute(i, 'softmax');
				const html = render(TryGrid, {
					props: { state: figure.state, data: figure.data, features, reducedMotion: true }
				}).body;
				bytes = html.length;
			})
		],
		[
			'recompute + render grid (mask)',
			time((i) => {
				const { figure } = compute(i, 'mask');
				void render(TryGrid, {
					props: { state: figure.state, data: figure.data, features, reducedMotion: true }
				}).body;
			})
		],
		[
			'recompute + render update view',
			time((i) => {
				const { figure } = compute(i, 'update');
				void render(Figure, {
					props: {
						stepId: 'try',
						state: figure.state,
						data: figure.data,
						plane: planeOf(chapter, figure.state),
						features,
						meaningLabels,
						reducedMotion: true
					}
				}).body;
			})
		],
		[
			'render the whole try-it (24 words)',
			time(
				(i) =>
					void render(TryItLive, {
						props: { chapter: { ...chapter, sentences: [TEXTS[i % 2]] }, model }
					}).body
			)
		]
	];

	const fmt = (ms: number) => `${ms.toFixed(2)} ms`.padStart(10);
	console.log(
		`Try-it, one keystroke on a 24-word sentence: ${RUNS} runs each (Node ${process.version})`
	);
	console.log(`${'what'.padEnd(38)}${'median'.padStart(10)}${'p95'.padStart(10)}   of a frame`);
	for (const [name, ms] of rows) {
		const median = percentile(ms, 50);
		const share = `${Math.round((median / FRAME_MS) * 100)}%`.padStart(6);
		console.log(`${name.padEnd(38)}${fmt(median)}${fmt(percentile(ms, 95))}   ${share}`);
	}
	console.log(
		`(grid markup: ${(bytes / 1024).toFixed(1)} KB; one frame at 60 Hz = ${FRAME_MS.toFixed(1)} ms)`
	);
} finally {
	await server.close();
}
