// Tests that the multi-head view draws one vector per head and a sum that is exactly their sum.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { FigureState } from '$lib/manifest.ts';
import type { SentenceData, StepData } from '$lib/model/step-data.ts';
import MultiHead from './MultiHead.svelte';
import { activeDimensions, focusToken, headRows, sumVectors } from './multi-head.ts';
import { SCALE_INSET, SCALE_WIDTH } from './scale-views.ts';
import { withoutBands } from './test-helpers.ts';

const features = ['animal', 'food', 'heat', 'noun'];

/** A three-token sentence whose second token ("dog") three heads move. */
function sentence(): SentenceData {
	const zero = [0, 0, 0, 0];
	const heads = [
		{ name: 'adjective', deltas: [zero, [-0.5, 1.25, 0.75, 0], zero] },
		{ name: 'topic', deltas: [zero, [0.25, 0.5, 0, 0], zero] },
		{ name: 'subject', deltas: [zero, [0.125, -0.25, 0.5, 0.1], [0, 0, 0, 0.01]] }
	];
	const embeddings = [
		[0, 0, 1, 0],
		[1, 0, 0, 1],
		[0, 0, 0, 0]
	];
	const deltas = embeddings.map((_, t) => sumVectors(heads.map((h) => h.deltas[t])));
	return {
		index: 0,
		text: 'hot dog was',
		tokens: ['hot', 'dog', 'was'],
		unknown: [false, false, false],
		embeddings,
		queries: [],
		keys: [],
		valuesDown: [],
		values: [],
		scores: [],
		scaled: [],
		masked: [],
		weights: [],
		deltas,
		updated: embeddings.map((e, t) => e.map((x, i) => x + deltas[t][i])),
		heads
	};
}

const state: FigureState = {
	stage: 'heads',
	sentence: 0,
	compare: [],
	source: null,
	query: 'dog',
	causal: false,
	attend: true,
	readout: false,
	meanings: [],
	highlight: [],
	plane: 'default',
	focus: null,
	heads: ['adjective', 'topic', 'subject']
};

function data(s = sentence()): StepData {
	return {
		chapter: 'hot-dog',
		step: 'heads',
		stage: 'heads',
		causal: false,
		attend: true,
		query: 'dog',
		heads: state.heads,
		sentences: [s]
	};
}

/** The opening tag of one row group (whatever emphasis class it carries). */
function rowTag(body: string, kind: string, head?: string): string {
	const open = new RegExp(
		`<g class="sv-vector sv-vector-${kind}(?: [^"]*)?"${head ? ` data-head="${head}"` : ''}[^>]*>`
	);
	const match = open.exec(body);
	expect(match).not.toBeNull();
	return match?.[0] ?? '';
}

/** The bars of one row group: dimension name → value. */
function bars(body: string, kind: string, head?: string): Record<string, number> {
	const start = body.indexOf(rowTag(body, kind, head));
	const group = body.slice(start, body.indexOf('</g>', start));
	return Object.fromEntries(
		[...group.matchAll(/data-dim="([^"]+)" data-value="([^"]+)"/g)].map((m) => [m[1], Number(m[2])])
	);
}

describe('MultiHead', () => {
	const { body } = render(MultiHead, { props: { state, data: data(), features } });

	it('draws one vector per head, in head order', () => {
		const names = [...body.matchAll(/data-head="([^"]+)"/g)].map((m) => m[1]);
		expect(names).toEqual(['adjective', 'topic', 'subject']);
	});

	it('draws each head’s proposal for the focused token', () => {
		expect(body).toContain('data-token="dog"');
		expect(bars(body, 'head', 'adjective')).toEqual({
			animal: -0.5,
			food: 1.25,
			heat: 0.75,
			noun: 0
		});
	});

	it('draws a sum equal to the element-wise sum of the heads’ deltas', () => {
		const heads = state.heads.map((h) => bars(body, 'head', h));
		const sum = bars(body, 'sum');
		for (const f of features) {
			expect(sum[f]).toBeCloseTo(
				heads.reduce((s, h) => s + h[f], 0),
				12
			);
		}
		expect(sum).toEqual({ animal: -0.125, food: 1.5, heat: 1.25, noun: 0.1 });
	});

	it('draws e and e + Δe', () => {
		expect(bars(body, 'embedding')).toEqual({ animal: 1, food: 0, heat: 0, noun: 1 });
		const updated = bars(body, 'updated');
		expect(updated.animal).toBeCloseTo(0.875, 12);
		expect(updated.food).toBeCloseTo(1.5, 12);
		expect(updated.noun).toBeCloseTo(1.1, 12);
	});

	it('labels columns with the feature names and names the value down and up shapes', () => {
		for (const f of features) expect(body).toContain(`>${f}</text>`);
		expect(body).toContain('value down');
		expect(body).toContain('12,288 × 128');
		expect(body).toContain('128 × 12,288');
	});

	it('states the parameters per matrix on the caption line, not beside Δe at the diagram’s end', () => {
		const caption =
			/<text class="sv-note[^"]*"[^>]*>shapes to scale, at GPT-3’s sizes: (.*?)<\/text>/.exec(body);
		expect(caption).not.toBeNull();
		expect(caption![1].replace(/<[^>]+>/g, '')).toBe(
			`${(12288 * 128).toLocaleString('en-US')} parameters each`
		);
		expect(body.match(/parameters each/g)).toHaveLength(1);
		// Nothing but Δe on the right of the diagram's row: no text anchored at its far end.
		expect(body).not.toMatch(/<text[^>]*x="${SCALE_WIDTH}"[^>]*text-anchor="end"/);
	});

	it('stays inside the 400-unit-wide figure', () => {
		const xs = [...withoutBands(body).matchAll(/\bx="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
		expect(Math.max(...xs)).toBeLessThanOrEqual(SCALE_WIDTH);
		const ys = [...body.matchAll(/\by="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
		expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
	});

	it('falls back to the most-moved token when no query is set', () => {
		const out = render(MultiHead, {
			props: { state: { ...state, query: null }, data: { ...data(), query: null } }
		});
		expect(out.body).toContain('data-token="dog"');
		// Without feature names the columns are numbered.
		expect(out.body).toContain('>d1</text>');
	});
});

/** The classes on an opening tag. */
const classes = (tag: string) => (/class="([^"]*)"/.exec(tag)?.[1] ?? '').split(' ');
/** The opening tag of the value-map strip. */
const factoredTag = (body: string) => /<g class="sv-factored[^"]*"[^>]*>/.exec(body)?.[0] ?? '';

/** The emphasis bands (drawn in the figure's own coordinates). */
const bands = (body: string) =>
	[
		...body.matchAll(
			/class="sv-emph-band" x="(-?[\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g
		)
	].map((m) => ({ x: +m[1], y: +m[2], width: +m[3], height: +m[4] }));

describe('MultiHead focus', () => {
	const view = (focus: string | null) =>
		render(MultiHead, { props: { state: { ...state, focus }, data: data(), features } }).body;
	const proposals = view('proposals');
	const factored = view('factored');
	const plain = view(null);

	it('proposals: emphasises every head’s row and the sum, and dims the value map', () => {
		for (const h of state.heads) expect(classes(rowTag(proposals, 'head', h))).toContain('sv-emph');
		expect(classes(rowTag(proposals, 'sum'))).toContain('sv-emph');
		expect(classes(factoredTag(proposals))).toContain('sv-dim');
		// e and e + Δe, the other terms of the update, are drawn as they are.
		for (const kind of ['embedding', 'updated']) {
			const c = classes(rowTag(proposals, kind));
			expect(c).not.toContain('sv-emph');
			expect(c).not.toContain('sv-dim');
		}
		// One band behind the heads’ rows, one behind the sum.
		expect(proposals.match(/class="sv-emph-band"/g)).toHaveLength(2);
	});

	it('factored: emphasises the value down and up matrices, and dims every bar row', () => {
		expect(classes(factoredTag(factored))).toContain('sv-emph');
		for (const h of state.heads) expect(classes(rowTag(factored, 'head', h))).toContain('sv-dim');
		for (const kind of ['sum', 'embedding', 'updated']) {
			expect(classes(rowTag(factored, kind))).toContain('sv-dim');
		}
		expect(factored).toContain('<text class="sv-note sv-dim"');
		expect(factored.match(/class="sv-emph-band"/g)).toHaveLength(1);
	});

	it('draws different figures for the two foci, and neither is the plain view', () => {
		expect(proposals).not.toBe(factored);
		expect(proposals).not.toBe(plain);
		expect(factored).not.toBe(plain);
		expect(proposals).toContain('data-focus="proposals"');
		expect(factored).toContain('data-focus="factored"');
	});

	it('keeps the numbers whatever the focus', () => {
		for (const body of [proposals, factored]) {
			expect(bars(body, 'sum')).toEqual(bars(plain, 'sum'));
			expect(bars(body, 'head', 'topic')).toEqual(bars(plain, 'head', 'topic'));
		}
	});

	it('draws everything alike with no focus, or a focus of another view', () => {
		for (const body of [plain, view('grid')]) {
			expect(body).not.toMatch(/\bsv-(emph|dim)\b/);
			expect(body).not.toContain('data-focus');
		}
		expect(view('grid')).toBe(plain);
	});

	it('keeps every focus inside the 400 × 400 figure, bands included', () => {
		for (const body of [proposals, factored]) {
			const xs = [...withoutBands(body).matchAll(/\bx="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
			expect(Math.max(...xs)).toBeLessThanOrEqual(SCALE_WIDTH);
			const ys = [...body.matchAll(/\by="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
			expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
			const found = bands(body);
			expect(found.length).toBeGreaterThan(0);
			// Bands never overlap one another.
			found.sort((a, b) => a.y - b.y);
			for (let i = 1; i < found.length; i++) {
				expect(found[i - 1].y + found[i - 1].height).toBeLessThanOrEqual(found[i].y);
			}
			for (const b of found) {
				expect(b.x).toBeGreaterThanOrEqual(-SCALE_INSET);
				expect(b.x + b.width).toBeLessThanOrEqual(SCALE_WIDTH + SCALE_INSET);
				expect(b.y + b.height).toBeLessThanOrEqual(400);
			}
		}
	});

	it('renders the same markup every time', () => {
		expect(view('proposals')).toBe(proposals);
		expect(view('factored')).toBe(factored);
	});
});

describe('multi-head helpers', () => {
	it('sumVectors adds element by element', () => {
		expect(
			sumVectors([
				[1, 2],
				[3, 4],
				[5, 6]
			])
		).toEqual([9, 12]);
		expect(sumVectors([], 3)).toEqual([0, 0, 0]);
	});

	it('focusToken prefers the query, then the most-moved token, later on a tie', () => {
		const s = sentence();
		expect(focusToken(s, 'hot')).toBe(0);
		expect(focusToken(s, 'HOT')).toBe(0);
		expect(focusToken(s, 'cat')).toBe(1);
		expect(focusToken({ tokens: ['a', 'b'], deltas: [[0], [0]] }, null)).toBe(1);
		expect(focusToken({ tokens: [], deltas: [] }, 'a')).toBe(-1);
	});

	it('headRows sums the heads itself, and falls back to the sentence’s Δe with no heads', () => {
		const rows = headRows(sentence(), 'dog');
		expect(rows?.sum).toEqual([-0.125, 1.5, 1.25, 0.1]);
		const none = headRows({ ...sentence(), heads: [] }, 'dog');
		expect(none?.sum).toEqual(sentence().deltas[1]);
	});

	it('activeDimensions keeps dimensions some row uses', () => {
		expect(
			activeDimensions([
				[0, 1, 0],
				[0, 0, 0.5]
			])
		).toEqual([1, 2]);
		expect(activeDimensions([[0, 0]])).toEqual([0, 1]);
	});
});
