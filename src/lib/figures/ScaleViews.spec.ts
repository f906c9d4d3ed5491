// Tests that the closing section's dispatcher shows the view for each stage, as SVG only.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { FOCUS, type FigureState, type Stage } from '$lib/manifest.ts';
import type { StepData } from '$lib/model/step-data.ts';
import ScaleViews from './ScaleViews.svelte';
import ContextLength from './ContextLength.svelte';
import ContextLengthControl from './ContextLengthControl.svelte';
import { GRID_SIDE } from './context-length.ts';
import { SCALE_INSET, SCALE_WIDTH } from './scale-views.ts';
import { withoutBands } from './test-helpers.ts';

function state(stage: Stage, causal = false, focus: string | null = null): FigureState {
	return {
		stage,
		sentence: 0,
		compare: [],
		source: null,
		query: null,
		causal,
		attend: true,
		readout: false,
		meanings: [],
		highlight: [],
		plane: 'default',
		focus,
		heads: ['a']
	};
}

const data: StepData = {
	chapter: 'c',
	step: 's',
	stage: 'heads',
	causal: false,
	attend: true,
	query: null,
	heads: ['a'],
	sentences: [
		{
			index: 0,
			text: 'x y',
			tokens: ['x', 'y'],
			unknown: [false, false],
			embeddings: [
				[1, 0],
				[0, 1]
			],
			queries: [],
			keys: [],
			valuesDown: [],
			values: [],
			scores: [],
			scaled: [],
			masked: [],
			weights: [],
			deltas: [
				[0, 0],
				[0.5, 0]
			],
			updated: [
				[1, 0],
				[0.5, 1]
			],
			heads: [
				{
					name: 'a',
					deltas: [
						[0, 0],
						[0.5, 0]
					]
				}
			]
		}
	]
};

const html = (stage: Stage, props: Record<string, unknown> = {}, focus: string | null = null) =>
	render(ScaleViews, { props: { state: state(stage, false, focus), data, ...props } }).body;

/** The classes on the opening tag of the first element matching `open`. */
function classesOf(body: string, open: RegExp): string[] {
	const tag = open.exec(body)?.[0];
	expect(tag).toBeDefined();
	return (/class="([^"]*)"/.exec(tag ?? '')?.[1] ?? '').split(' ');
}
/** The classes of a context-length part: counts, grid, sizes or lanes. */
const part = (body: string, name: string) =>
	classesOf(body, new RegExp(`<g class="sv-${name}[ "][^>]*>`));

/**
 * Cells (blocks) of the context-length grid: the rectangles drawn in its shade paths, one
 * subpath each (M x y h w v h h -w z), checked against the count each path declares.
 */
const blocks = (body: string, cls = 'sv-cell(?:-alt|-masked)?') =>
	[
		...body.matchAll(new RegExp(`<path class="${cls}" data-cells="(\\d+)" d="([^"]*)"`, 'g'))
	].flatMap(([, declared, d]) => {
		const rects = [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-\3z/g)].map((m) => ({
			x: +m[1],
			y: +m[2],
			w: +m[3],
			h: +m[4]
		}));
		expect(d.match(/M/g)).toHaveLength(rects.length);
		expect(Number(declared)).toBe(rects.length);
		return rects;
	});
const cells = (body: string, cls?: string) => blocks(body, cls).length;

describe('ScaleViews', () => {
	it('shows the view for each closing stage', () => {
		expect(html('heads')).toContain('sv-heads');
		expect(html('parameters')).toContain('sv-parameters');
		expect(html('context-length')).toContain('sv-context');
	});

	it('sets every view in from the figure’s sides, as the other chapters’ figures are', () => {
		// The plane's and the grid's titles start 6 units in; a view SCALE_WIDTH wide, shifted
		// SCALE_INSET in, keeps at least that margin on both sides (each view's own test checks it
		// stays within SCALE_WIDTH).
		expect(SCALE_INSET).toBeGreaterThanOrEqual(6);
		expect(SCALE_WIDTH + 2 * SCALE_INSET).toBe(400);
		for (const stage of ['heads', 'parameters', 'context-length'] as const) {
			expect(html(stage)).toMatch(
				new RegExp(`<g class="scale-views"[^>]*transform="translate\\(${SCALE_INSET} 0\\)"`)
			);
		}
	});

	it('shows nothing for the other stages', () => {
		expect(html('softmax')).not.toMatch(/sv-(heads|parameters|context)/);
	});

	it('writes SVG elements only, no HTML', () => {
		for (const stage of ['heads', 'parameters', 'context-length'] as const) {
			expect(html(stage)).not.toMatch(/<(div|p|span|input|canvas|label)\b/);
		}
	});

	it('passes state.focus to every view that has foci', () => {
		expect(html('heads', {}, 'factored')).toMatch(/<g class="sv-factored sv-emph"/);
		expect(html('parameters', {}, 'model')).toMatch(
			/<g class="sv-param-row sv-emph" data-row="model"/
		);
		expect(html('context-length', {}, 'parallel')).toMatch(/<g class="sv-lanes sv-emph"/);
	});

	it('draws a different figure for each focus of a stage, and the plain view without one', () => {
		for (const [stage, foci] of Object.entries(FOCUS) as [Stage, readonly string[]][]) {
			const plain = html(stage);
			expect(plain).not.toMatch(/\bsv-(emph|dim)\b/);
			const bodies = foci.map((f) => html(stage, {}, f));
			expect(new Set([plain, ...bodies]).size).toBe(foci.length + 1);
			for (const [i, body] of bodies.entries()) {
				expect(body).toContain(`data-focus="${foci[i]}"`);
				expect(body).toMatch(/\bsv-emph\b/);
			}
		}
	});

	it('renders the same markup for the same state', () => {
		for (const [stage, foci] of Object.entries(FOCUS) as [Stage, readonly string[]][]) {
			for (const f of foci) expect(html(stage, {}, f)).toBe(html(stage, {}, f));
		}
	});

	it('points to the live control only when it is on the page', () => {
		expect(html('context-length', { interactive: true })).toContain('slider below');
		expect(html('context-length')).not.toContain('slider below');
	});
});

describe('ContextLength', () => {
	it('draws 16 × 16 cells with n² and the memory of 16-bit scores', () => {
		const { body } = render(ContextLength, { props: {} });
		expect(body).toContain('data-length="16"');
		expect(cells(body)).toBe(256);
		expect(body).toContain('data-value="256"');
		expect(body).toContain('>256</tspan>');
		expect(body).toContain('>512 B</tspan>');
		// Half the context is a quarter of the grid; double it is four times.
		expect(body).toContain('64 scores');
		expect(body).toContain('1,024 scores');
	});

	it('names the rows with the word turned and its arrow upright, pointing down the rows', () => {
		const { body } = render(ContextLength, { props: {} });
		// A turned "→" reads "←" to a reader who tilts their head to read the word.
		expect(body).toMatch(/rotate\(90\)">queries<\/text>/);
		const arrow = /<text class="sv-note" x="[\d.]+" y="[\d.]+" text-anchor="middle">↓<\/text>/;
		expect(body).toMatch(arrow);
		expect(body).not.toMatch(/rotate\(90\)">[^<]*[→←]/);
	});

	it('tiles the grid with its blocks, no gaps and no overlaps', () => {
		for (const length of [16, 100, 2048]) {
			const all = blocks(render(ContextLength, { props: { length, causal: true } }).body);
			const side = Math.sqrt(all.length);
			expect(Number.isInteger(side)).toBe(true);
			const xs = [...new Set(all.map((b) => b.x))].sort((a, b) => a - b);
			const ys = [...new Set(all.map((b) => b.y))].sort((a, b) => a - b);
			expect([xs.length, ys.length]).toEqual([side, side]);
			// Every block starts where the one before it ends, and the last ends at the grid's edge.
			for (const b of all) {
				const i = xs.indexOf(b.x);
				expect(b.x + b.w).toBeCloseTo(xs[i + 1] ?? xs[0] + GRID_SIDE, 2);
				const j = ys.indexOf(b.y);
				expect(b.y + b.h).toBeCloseTo(ys[j + 1] ?? ys[0] + GRID_SIDE, 2);
			}
			const area = all.reduce((a, b) => a + b.w * b.h, 0);
			expect(area).toBeCloseTo(GRID_SIDE * GRID_SIDE, 0);
		}
	});

	it('draws the grid in no more elements at 100 or 2,048 tokens than at 16', () => {
		const elements = (length: number) =>
			render(ContextLength, { props: { length, causal: true } }).body.match(/<[a-z]+\b/g)?.length ??
			0;
		// (Longer contexts drop the lines between cells, once cells merge into blocks.)
		expect(elements(100)).toBeLessThanOrEqual(elements(16));
		expect(elements(2048)).toBeLessThanOrEqual(elements(16));
	});

	it('greys out the keys after each query when causal', () => {
		const { body } = render(ContextLength, { props: { causal: true } });
		expect(cells(body, 'sv-cell-masked')).toBe((16 * 15) / 2);
	});

	it('merges cells into blocks for long contexts, at most 64 × 64 in the SVG', () => {
		const { body } = render(ContextLength, { props: { length: 2048 } });
		expect(cells(body)).toBeLessThanOrEqual(64 * 64);
		expect(body).toContain('4,194,304');
		expect(body).toContain('8 MB');
	});
});

/** The emphasis bands (drawn in the figure's own coordinates). */
const bands = (body: string) =>
	[
		...body.matchAll(
			/class="sv-emph-band" x="(-?[\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g
		)
	].map((m) => ({ x: +m[1], y: +m[2], width: +m[3], height: +m[4] }));

describe('ContextLength focus', () => {
	const view = (props: Record<string, unknown>) => render(ContextLength, { props }).body;
	const grid = view({ focus: 'grid', causal: true });
	const parallel = view({ focus: 'parallel', causal: true });
	const plain = view({ causal: true });

	it('grid: emphasises n², the memory and the half/double readouts', () => {
		expect(part(grid, 'counts')).toContain('sv-emph');
		expect(part(grid, 'sizes')).toContain('sv-emph');
		expect(part(grid, 'grid')).not.toContain('sv-dim');
		expect(grid).not.toContain('sv-lanes');
		expect(grid).toContain('dashed: half');
		// Behind the counts, the half readout and the double readout.
		expect(bands(grid)).toHaveLength(3);
	});

	it('parallel: tags every row of the grid as a lane, all computed at once', () => {
		expect(part(parallel, 'grid')).toContain('sv-emph');
		expect(part(parallel, 'lanes')).toContain('sv-emph');
		expect(part(parallel, 'counts')).toContain('sv-dim');
		expect(parallel).toContain('data-lanes="16"');
		expect(parallel.match(/<rect class="sv-lane"/g)).toHaveLength(16);
		expect(parallel.match(/<line class="sv-lane-arrow"/g)).toHaveLength(16);
		expect(parallel).toContain('all at once');
		expect(parallel).toContain('every row runs at once');
		expect(parallel).toContain('16 steps, one token at a time');
		// The lanes take the readouts' place, so nothing overlaps.
		expect(parallel).not.toContain('dashed: half');
		expect(parallel).not.toContain('sv-quarter');
		// The grid is the same grid.
		expect(cells(parallel)).toBe(cells(plain));
	});

	it('parallel: a causal lane ends at the diagonal; without the mask it spans the grid', () => {
		const widths = (body: string) =>
			[...body.matchAll(/<rect class="sv-lane" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) =>
				Number(m[1])
			);
		const causal = widths(parallel);
		for (let i = 1; i < causal.length; i++) expect(causal[i]).toBeGreaterThan(causal[i - 1]);
		expect(new Set(widths(view({ focus: 'parallel' })))).toEqual(new Set([causal.at(-1)]));
	});

	it('parallel: merged rows are lanes too, without arrows once they are thin', () => {
		const long = view({ focus: 'parallel', length: 2048 });
		expect(long).toContain('data-lanes="64"');
		expect(long).not.toContain('sv-lane-arrow');
		expect(long).toContain('2,048 steps');
	});

	it('draws different figures for the two foci, and the plain view without one', () => {
		expect(new Set([grid, parallel, plain]).size).toBe(3);
		expect(plain).not.toMatch(/\bsv-(emph|dim)\b/);
		expect(view({ causal: true, focus: 'model' })).toBe(plain);
	});

	it('keeps every focus inside the 400 × 400 figure, bands apart', () => {
		for (const body of [grid, parallel, view({ focus: 'parallel', interactive: true })]) {
			const xs = [...withoutBands(body).matchAll(/\bx="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
			expect(Math.max(...xs)).toBeLessThanOrEqual(SCALE_WIDTH);
			expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
			const ys = [...body.matchAll(/\by="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
			// Text baselines leave room for descenders.
			expect(Math.max(...ys)).toBeLessThanOrEqual(396);
			const found = bands(body);
			for (const b of found) {
				expect(b.x + b.width).toBeLessThanOrEqual(SCALE_WIDTH + SCALE_INSET);
				expect(b.y + b.height).toBeLessThanOrEqual(400);
			}
			for (const [i, a] of found.entries()) {
				for (const b of found.slice(i + 1)) {
					const apart =
						a.x + a.width <= b.x ||
						b.x + b.width <= a.x ||
						a.y + a.height <= b.y ||
						b.y + b.height <= a.y;
					expect(apart).toBe(true);
				}
			}
		}
	});

	it('keeps the slider note with the lanes’ notes when the control is on the page', () => {
		const body = view({ focus: 'parallel', interactive: true });
		expect(body).toContain('slider below');
		expect(body).toContain('every row runs at once');
	});
});

describe('ContextLengthControl', () => {
	it('renders nothing on the server (the static SVG stands in)', () => {
		const { body } = render(ContextLengthControl, { props: {} });
		expect(body.replace(/<!--[^]*?-->/g, '').trim()).toBe('');
	});
});
