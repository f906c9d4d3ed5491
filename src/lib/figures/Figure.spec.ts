// Renders the figure on the server for fixed states of the real toy model and checks the SVG.
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { FigureState, Plane } from '../manifest.ts';
import { computeStepData } from '../model/step-data.ts';
import { loadModel } from '../server/content/model.ts';
import { baseState } from '../server/content/state.ts';
import Figure from './Figure.svelte';
import { describeFigure } from './describe.ts';
import { BOLD_WIDTH, textWidth, WIDTH } from './layout.ts';

const model = loadModel(readFileSync('content/model.yaml', 'utf8'), 'content/model.yaml');
const meaningLabels = Object.fromEntries(
	Object.entries(model.meanings).map(([name, m]) => [name, m.label])
);

/** Fixed chapters for the tests, so prose edits in content/ never change them. */
const hotDog = { slug: 'hot-dog', sentences: ['the dog was', 'the hot dog was'] };
const mole = {
	slug: 'mole',
	sentences: ['American true mole', 'one mole of carbon dioxide', 'take a biopsy of the mole']
};
const fluffy = {
	slug: 'fluffy-creature',
	sentences: ['a fluffy blue creature roamed the verdant forest']
};
const animalFood: Plane = {
	x: { label: 'animal', direction: { animal: 1 } },
	y: { label: 'food', direction: { food: 1 } }
};
const senses: Plane = {
	x: { label: 'chemistry', direction: { chemistry: 1, animal: -1 } },
	y: { label: 'skin', direction: { skin: 1 } }
};

/** The state every chapter starts from (the content pipeline's own), before a step's changes. */
const base: FigureState = baseState(model);

function figure(
	stepId: string,
	chapter: { slug: string; sentences: string[] },
	partial: Partial<FigureState>,
	plane: Plane = animalFood
) {
	const state: FigureState = { ...base, ...partial };
	const data = computeStepData(model, chapter, stepId, state);
	const { body } = render(Figure, {
		props: { stepId, state, data, plane, features: model.features, meaningLabels }
	});
	const svg = body.slice(body.indexOf('<svg'), body.indexOf('</svg>') + 6);
	const text = /<p class="fig-visually-hidden"[^>]*>([^<]*)<\/p>/.exec(body)?.[1] ?? '';
	return { body, svg, text, state, data };
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

/** A figure's key labels in order: whether each is bold, the rest of its attributes, its word. */
function keyLabels(svg: string) {
	return [
		...svg.matchAll(/<text class="fig-label fig-k((?: [^"]*)?)"([^>]*)>([^<]+)<\/text>/g)
	].map(([, classes, attrs, word]) => ({ bold: classes.includes('fig-strong'), attrs, word }));
}

/** The markup of one grid row, found by its query token. */
function row(svg: string, token: string): string {
	const start = svg.indexOf(`<g class="fig-row" data-query="${token}"`);
	expect(start).toBeGreaterThanOrEqual(0);
	const next = svg.indexOf('<g class="fig-row"', start + 1);
	return svg.slice(start, next < 0 ? undefined : next);
}

const hotDogSoftmax: Partial<FigureState> = {
	sentence: 1,
	query: 'dog',
	stage: 'softmax',
	highlight: ['hot']
};

describe('Figure', () => {
	test('the root carries the step and stage, and one 400-unit-wide SVG at most 420 tall', () => {
		const { body } = figure('softmax', hotDog, hotDogSoftmax);
		expect(body).toMatch(
			/<figure class="attention-figure" data-step="softmax" data-stage="softmax"/
		);
		expect(count(body, /<svg/g)).toBe(1);
		const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(body) ?? [];
		expect(Number(w)).toBe(400);
		expect(Number(h)).toBeLessThanOrEqual(420);
		expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/);
		const labelled = /aria-labelledby="([^"]+)"/.exec(body)![1];
		expect(body).toContain(`<title id="${labelled}">`);
	});

	test('the grid has one cell per query/key pair and its rows are the tokens', () => {
		for (const [chapter, partial] of [
			[hotDog, hotDogSoftmax],
			[fluffy, { stage: 'dot-product' }]
		] as const) {
			const { svg, data } = figure('grid', chapter, partial);
			const sentence = data.sentences.find((s) => s.index === (partial.sentence ?? 0))!;
			expect(count(svg, /<g class="fig-cell"/g)).toBe(sentence.tokens.length ** 2);
			const rows = [...svg.matchAll(/<g class="fig-row" data-query="([^"]+)"/g)].map((m) => m[1]);
			expect(rows).toEqual(sentence.tokens);
			expect(sentence.tokens.length).toBeGreaterThan(2);
		}
	});

	test('with the causal mask, n(n − 1)/2 cells are masked and each row still sums to 1', () => {
		const { svg, data } = figure('mask', fluffy, { stage: 'mask', causal: true });
		const n = data.sentences[0].tokens.length;
		expect(n).toBe(8);
		expect(count(svg, /data-masked="true"/g)).toBe((n * (n - 1)) / 2);
		expect(svg).toContain(`data-masked="${(n * (n - 1)) / 2}"`);
		const sums = [...svg.matchAll(/class="fig-num fig-small fig-muted fig-sum"[^>]*>([^<]+)</g)];
		// In %, like the cells: 100% for every row.
		expect(sums.map((m) => m[1])).toEqual(Array(n).fill('100%'));
		expect(svg).toContain('−∞ before softmax');
	});

	test('nothing is masked without the causal mask', () => {
		const { svg } = figure('softmax', hotDog, hotDogSoftmax);
		expect(count(svg, /data-masked="true"/g)).toBe(0);
	});

	test('rows out of focus fade their cells’ colour by the theme’s --row-fade, never their numbers', () => {
		const { svg, data } = figure('causal-mask', hotDog, {
			...hotDogSoftmax,
			stage: 'mask',
			causal: true
		});
		const sentence = data.sentences.find((s) => s.index === 1)!;
		for (const [i, token] of sentence.tokens.entries()) {
			const markup = row(svg, token);
			const fills = [
				...markup.matchAll(
					/<rect class="(fig-cell-(?:pos|neg))([^"]*)"[^>]*fill-opacity="([^"]+)"/g
				)
			];
			expect(fills).toHaveLength(sentence.tokens.length);
			// Each fill keeps its own strength (a weight of w at up to 78%); the row's fade is a class.
			fills.forEach((f, j) => {
				const w = sentence.weights[i][j];
				expect(Number(f[3])).toBeCloseTo(Number.isFinite(w) ? Math.min(1, w) * 0.78 : 0, 3);
				expect(f[2].includes('fig-row-out')).toBe(token !== 'dog');
			});
			const hatches = [...markup.matchAll(/<rect ([^>]*fill="url\(#[^"]+\)"[^>]*)>/g)];
			expect(hatches.length).toBe(sentence.tokens.length - 1 - i);
			hatches.forEach((h) => expect(h[1].includes('fig-row-out')).toBe(token !== 'dog'));
			expect(markup).not.toMatch(/<text[^>]*fig-row-out/);
		}
		// The class takes its share from the theme: light mode keeps less colour than dark.
		const theme = readFileSync('src/lib/theme.css', 'utf8');
		const fades = [...theme.matchAll(/--row-fade: ([\d.]+);/g)].map((m) => Number(m[1]));
		expect(new Set(fades)).toEqual(new Set([0.45, 0.7]));
		expect(readFileSync('src/lib/figures/figure.css', 'utf8')).toMatch(
			/\.fig-row-out \{\s*opacity: var\(--row-fade, 0\.45\);/
		);
	});

	test('the focused row prints its weights as percentages from the data, summing to 100', () => {
		const { svg, data } = figure('softmax', hotDog, hotDogSoftmax);
		const sentence = data.sentences.find((s) => s.index === 1)!;
		const i = sentence.tokens.indexOf('dog');
		const printed = [...row(svg, 'dog').matchAll(/data-value="([^"]+)"/g)].map((m) => m[1]);
		// Whole percents would read 10 + 71 + 10 + 10 = 101, so the grid prints tenths.
		expect(sentence.weights[i].reduce((s, w) => s + Math.round(w * 100), 0)).not.toBe(100);
		printed.forEach((p, j) => {
			expect(p).toMatch(/^\d+\.\d%$/);
			expect(Math.abs(Number(p.replace('%', '')) - sentence.weights[i][j] * 100)).toBeLessThan(
				0.05
			);
		});
		const total = printed.reduce((s, p) => s + Number(p.replace('%', '')), 0);
		expect(Math.abs(total - 100)).toBeLessThan(0.15);
		// The strip under the grid repeats the row as bars with the same numbers.
		const strip = [...svg.matchAll(/class="fig-num fig-small fig-strip-value"[^>]*>([^<]+)</g)];
		expect(strip.map((m) => m[1])).toEqual(printed);
	});

	test('where tenths do not fit, a row of rounded percents that adds up to 104 says it is rounded', () => {
		// The focused fluffy grid (a strip below it) has cells too narrow for "12.5": the rows of
		// adjectives, eight weights of 12.5% each, read 13 eight times.
		const narrow = figure('softmax', fluffy, { stage: 'softmax', query: 'creature' });
		const fluffyRow = [...row(narrow.svg, 'fluffy').matchAll(/data-value="([^"]+)"/g)];
		expect(fluffyRow.map((m) => m[1])).toEqual(Array(8).fill('13'));
		expect(narrow.svg).toContain('>rounded to whole %</text>');
		// The same grid with no row in focus has room for tenths, and needs no note.
		const wide = figure('softmax', fluffy, { stage: 'softmax', query: null });
		const wideRow = [...row(wide.svg, 'fluffy').matchAll(/data-value="([^"]+)"/g)];
		expect(wideRow.map((m) => m[1])).toEqual(Array(8).fill('12.5'));
		expect(wide.svg).not.toContain('rounded to whole %');
		// Nor does a grid whose cells print tenths: the hot dog's, four words wide.
		const { svg } = figure('softmax', hotDog, hotDogSoftmax);
		expect(svg).toMatch(/data-value="\d+\.\d%"/);
		expect(svg).not.toContain('rounded to whole %');
	});

	test('scores and scaled scores print the data with true minus signs', () => {
		const { svg, data } = figure('dot', hotDog, { ...hotDogSoftmax, stage: 'dot-product' });
		const s = data.sentences.find((x) => x.index === 1)!;
		const printed = [...row(svg, 'dog').matchAll(/data-value="([^"]+)"/g)].map((m) => m[1]);
		expect(printed.map((p) => Number(p.replace('−', '-')))).toEqual(
			s.scores[s.tokens.indexOf('dog')].map((x) => Number(x.toFixed(2)))
		);
		const scaled = figure('scale', hotDog, { ...hotDogSoftmax, stage: 'scale' });
		expect(scaled.svg).toContain(`/ √${model.keySize}`);
		expect(svg).not.toMatch(/>-\d/);
	});

	test('the focused row’s bars keep the raw scores’ scale, so scaling shortens them by √d_k', () => {
		const bars = (stage: 'dot-product' | 'scale') => {
			const { svg, data } = figure('bars', hotDog, { sentence: 1, query: 'dog', stage });
			const strip = svg.slice(svg.indexOf('<g class="fig-strip"'));
			const heights = [...strip.matchAll(/<rect class="fig-bar[^"]*"[^>]*height="([\d.]+)"/g)].map(
				(m) => Number(m[1])
			);
			return { heights, dk: data.sentences[0].keys[0].length };
		};
		const raw = bars('dot-product');
		const scaled = bars('scale');
		const tallest = raw.heights.indexOf(Math.max(...raw.heights));
		expect(raw.heights[tallest]).toBeGreaterThan(0);
		expect(scaled.heights[tallest] / raw.heights[tallest]).toBeCloseTo(1 / Math.sqrt(raw.dk), 3);
	});

	test('key labels too wide to sit level, bold, with a clear gap between them are set at an angle', () => {
		// "carbon" and "dioxide" highlighted: level, in bold, the two touched and read as one label.
		const { svg } = figure('carbon-dioxide-answers', mole, {
			sentence: 1,
			query: 'mole',
			stage: 'softmax',
			highlight: ['carbon', 'dioxide']
		});
		const labels = keyLabels(svg);
		expect(labels.map((l) => l.word)).toEqual(['one', 'mole', 'of', 'carbon', 'dioxide']);
		for (const { attrs } of labels) expect(attrs).toMatch(/transform="rotate\(-45 /);
	});

	test('level key labels leave a clear gap in their columns, even in bold', () => {
		const { svg } = figure('softmax', hotDog, { ...hotDogSoftmax, highlight: ['hot', 'dog'] });
		const cell = Number(/<rect class="fig-cell[^"]*"[^>]* width="([\d.]+)"/.exec(svg)![1]);
		const labels = keyLabels(svg);
		expect(labels.length).toBeGreaterThan(2);
		expect(labels.some((l) => l.bold)).toBe(true);
		for (const { attrs, word: token } of labels) {
			expect(attrs, token).not.toMatch(/transform=/);
			expect(textWidth(token, 12.5) * BOLD_WIDTH, token).toBeLessThanOrEqual(cell - 8);
		}
	});

	test('a grid stage also gives its numbers as a data table, beside the SVG', () => {
		const { body, svg, data } = figure('softmax', hotDog, hotDogSoftmax);
		const sentence = data.sentences.find((s) => s.index === 1)!;
		const n = sentence.tokens.length;
		expect(body.indexOf('<table')).toBeGreaterThan(body.indexOf('</svg>'));
		expect(body).toMatch(/<caption>Attention weights, in percent for “the hot dog was”/);
		expect(count(body, /<th scope="col">/g)).toBe(n + 1);
		expect(count(body, /<th scope="row">/g)).toBe(n);
		expect(count(body, /<td>/g)).toBe(n * n);
		// The same numbers as the grid's cells: the row of "dog", the column of "hot".
		const cell = /data-key="hot" data-value="([^"]+)"/.exec(row(svg, 'dog'))![1];
		const dogRow = /<th scope="row">dog \(focused\)<\/th>(.*?)<\/tr>/.exec(body)![1];
		expect(dogRow.split('</td>')[sentence.tokens.indexOf('hot')]).toBe(`<td>${cell}`);
	});

	test('cross-attention: rows are the sentence’s words, columns the source’s, in the SVG and the table', () => {
		const summary = { slug: 'scaling-up', sentences: [fluffy.sentences[0], 'the creature'] };
		const { body, svg, text, data } = figure('cross', summary, {
			stage: 'softmax',
			sentence: 1,
			source: 0,
			query: 'creature',
			highlight: ['fluffy', 'blue']
		});
		const sentence = data.sentences[0];
		const keys = sentence.source!.tokens;
		expect(sentence.tokens).toEqual(['the', 'creature']);
		expect(keys).toHaveLength(8);
		expect(svg).toContain('data-tokens="2" data-keys="8" data-cross="true"');
		// Two rows of eight cells, each cell named by a word of the source.
		for (const token of sentence.tokens) {
			const cells = [...row(svg, token).matchAll(/class="fig-cell" data-key="([^"]+)"/g)].map(
				(m) => m[1]
			);
			expect(cells).toEqual(keys);
		}
		// The column labels are the source's words; the rows' labels are the two words written.
		const grid = svg.slice(0, svg.indexOf('<g class="fig-cross"'));
		const columnLabels = [
			...grid.matchAll(/<text class="fig-label fig-k[^"]*"[^>]*>([^<]+)<\/text>/g)
		];
		expect(columnLabels.map((m) => m[1])).toEqual(keys);
		expect(svg).toContain('keys, from the source sentence →');
		// The weights shown are the engine's: the cell of "fluffy" in the row of "creature" (in %,
		// without the sign in cells this narrow, to a tenth: whole percents in the row of "the"
		// add up to 102).
		const weight = sentence.weights[1][keys.indexOf('fluffy')];
		expect(row(svg, 'creature')).toContain(
			`data-key="fluffy" data-value="${(weight * 100).toFixed(1)}"`
		);
		expect(text).toContain('A 2 by 8 grid of cross-attention');
		expect(text).toContain('“creature” attends most to “fluffy”');
		expect(body).toMatch(
			/<caption>Attention weights, in percent, cross-attention: queries from “the creature”, keys from “a fluffy blue/
		);
		expect(count(body, /<th scope="col">/g)).toBe(keys.length + 1);
		expect(count(body, /<th scope="row">/g)).toBe(2);
		expect(count(body, /<td>/g)).toBe(2 * keys.length);
	});

	test('cross-attention: under the grid, the focused query reaches into the source, each link as thick as its weight', () => {
		const summary = { slug: 'scaling-up', sentences: [fluffy.sentences[0], 'the creature'] };
		const state: Partial<FigureState> = {
			stage: 'softmax',
			sentence: 1,
			source: 0,
			highlight: ['fluffy', 'blue']
		};
		for (const query of ['creature', 'the']) {
			const { svg, data } = figure('cross', summary, { ...state, query });
			const sentence = data.sentences[0];
			const keys = sentence.source!.tokens;
			const i = sentence.tokens.indexOf(query);
			const cross = svg.slice(svg.indexOf('<g class="fig-cross"'));
			expect(cross).toMatch(new RegExp(`^<g class="fig-cross" data-query="${query}"`));
			// One link a source word, from the query's word, wider as the weight is larger.
			const lines = [
				...cross.matchAll(
					/<line class="fig-link" data-key="([^"]+)" x1="([^"]+)" y1="[^"]+" x2="([^"]+)"[^>]*stroke-width="([^"]+)"/g
				)
			];
			expect(lines.map((l) => l[1])).toEqual(keys);
			expect(new Set(lines.map((l) => l[2])).size).toBe(1);
			lines.forEach((l, j) =>
				expect(Number(l[4])).toBeCloseTo(0.75 + 7 * sentence.weights[i][j], 6)
			);
			// The source's words above, set apart and left to right over their links' ends; the
			// words written below, the query's in bold.
			const words = [
				...cross.matchAll(/<text class="fig-label fig-k[^"]*" x="([^"]+)"[^>]*>([^<]+)</g)
			];
			expect(words.map((w) => w[2])).toEqual(keys);
			const xs = words.map((w) => Number(w[1]));
			xs.slice(1).forEach((x, j) => expect(x).toBeGreaterThan(xs[j]));
			lines.forEach((l, j) => expect(Number(l[3])).toBeGreaterThan(xs[j]));
			const written = [...cross.matchAll(/<text class="fig-label fig-q([^"]*)"[^>]*>([^<]+)</g)];
			expect(written.map((w) => w[2])).toEqual(sentence.tokens);
			expect(written.map((w) => w[1].includes('fig-strong'))).toEqual(
				sentence.tokens.map((_, k) => k === i)
			);
		}
		// Not in self-attention, and not without a query in focus.
		expect(figure('softmax', hotDog, hotDogSoftmax).svg).not.toContain('fig-cross');
		expect(figure('cross', summary, { ...state, query: null }).svg).not.toContain('fig-cross');
	});

	test('the table says which cells the causal mask removes; other stages have no table', () => {
		const { body } = figure('mask', fluffy, { stage: 'mask', causal: true });
		expect(count(body, /<td>0% \(masked\)<\/td>/g)).toBe((8 * 7) / 2);
		expect(body).toContain('after the causal mask');
		expect(figure('embedding', hotDog, { stage: 'embedding' }).body).not.toContain('<table');
	});

	test('the description names the top key and its weight', () => {
		const { text, data } = figure('softmax', hotDog, hotDogSoftmax);
		const sentence = data.sentences.find((s) => s.index === 1)!;
		const weights = sentence.weights[sentence.tokens.indexOf('dog')];
		const top = weights.indexOf(Math.max(...weights));
		expect(sentence.tokens[top]).toBe('hot');
		expect(text).toContain(`“dog” attends most to “hot” (${Math.round(weights[top] * 100)}%)`);
	});

	test('describeFigure is the text the figure embeds', () => {
		const { text, body, state, data } = figure('softmax', hotDog, hotDogSoftmax);
		expect(text).toBe(
			describeFigure(data, state, { features: model.features, plane: animalFood, meaningLabels })
				.replaceAll('&', '&amp;')
				.replaceAll('<', '&lt;')
		);
		expect(body).toContain(`<desc id=`);
	});

	test('query and key: e has one cell per feature, q and every other key one per key dimension', () => {
		const { svg } = figure('qk', hotDog, { ...hotDogSoftmax, stage: 'query-key' });
		expect(count(svg, /class="fig-vec-e"/g)).toBe(model.features.length);
		expect(count(svg, /class="fig-vec-q"/g)).toBe(model.keySize);
		expect(count(svg, /class="fig-vec-k"/g)).toBe(model.keySize * 3);
		expect(count(svg, /class="fig-outline-k"/g)).toBe(1);
	});

	test('query and key with eight tokens: every key number fits inside its narrow column', () => {
		const { svg } = figure('adjective-head', fluffy, {
			query: 'creature',
			stage: 'query-key',
			highlight: ['fluffy', 'blue']
		});
		// The key block's columns (the e and q columns are wider).
		const column = Number(
			/<path class="fig-vec-grid" data-columns="7" data-column-width="([\d.]+)"/.exec(svg)![1]
		);
		const numbers = [
			...svg.matchAll(/<text class="fig-num fig-cell-num([^"]*)"[^>]*>([^<]+)<\/text>/g)
		].filter(([, cls]) => cls.includes('fig-tight'));
		// Seven key columns of two dimensions each, all set small.
		expect(numbers.length).toBe(7 * model.keySize);
		for (const [, , text] of numbers) {
			expect(textWidth(text, 11), text).toBeLessThanOrEqual(column - 4);
		}
	});

	test('grid numbers leave 3.5 units either side in their cells, set a size smaller where they must', () => {
		const cases: [string, { slug: string; sentences: string[] }, Partial<FigureState>][] = [];
		for (const stage of ['dot-product', 'scale', 'softmax', 'mask'] as const) {
			const causal = stage === 'mask';
			cases.push([`hot-${stage}`, hotDog, { ...hotDogSoftmax, stage, causal }]);
			cases.push([`fluffy-${stage}`, fluffy, { stage, causal, query: null, sentence: 0 }]);
			cases.push([`fluffy-q-${stage}`, fluffy, { stage, causal, query: 'creature', sentence: 0 }]);
		}
		const summary = { slug: 'scaling-up', sentences: [fluffy.sentences[0], 'the creature'] };
		cases.push(['cross', summary, { stage: 'softmax', sentence: 1, source: 0, query: 'creature' }]);
		const tight: string[] = [];
		for (const [name, chapter, partial] of cases) {
			const { svg } = figure(name, chapter, partial);
			const cell = Number(/<rect class="fig-cell-base"[^>]* width="([\d.]+)"/.exec(svg)![1]);
			const numbers = [
				...svg.matchAll(/<text class="fig-num fig-cell-num([^"]*)"[^>]*>([^<]+)<\/text>/g)
			];
			expect(numbers.length, name).toBeGreaterThan(0);
			const sizeOf = (cls: string) =>
				cls.includes('fig-tight') ? 11 : cls.includes('fig-big') ? 14 : 12.5;
			const sizes = new Set(numbers.map(([, cls]) => sizeOf(cls)));
			expect(sizes.size, `${name}: one size for the grid`).toBe(1);
			const size = [...sizes][0];
			if (size === 11) tight.push(name);
			for (const [, , text] of numbers) {
				expect(textWidth(text, size), `${name}: ${text}`).toBeLessThanOrEqual(cell - 7);
			}
		}
		// The fluffy grids with every query at once are the narrow ones; hot dog's are not.
		expect(tight).toContain('fluffy-dot-product');
		expect(tight.some((name) => name.startsWith('hot-'))).toBe(false);
	});

	test('query and key: key labels stay level when a few keys have room, and slanted ones never touch', () => {
		const columnWidth = (svg: string, keys: number) =>
			Number(
				new RegExp(
					`<path class="fig-vec-grid" data-columns="${keys}" data-column-width="([\\d.]+)"`
				).exec(svg)![1]
			);
		// "American true mole": two keys, "american" wider than a 46-unit column, set level over
		// columns made wide enough for it.
		const two = figure(
			'what-mole-asks',
			mole,
			{ sentence: 0, query: 'mole', stage: 'query-key', highlight: ['true'] },
			senses
		).svg;
		const level = keyLabels(two).filter(({ word }) => word === 'american' || word === 'true');
		expect(level).toHaveLength(2);
		for (const { attrs, word } of level) {
			expect(attrs).not.toContain('rotate');
			const bold = word === 'true' ? BOLD_WIDTH : 1;
			expect(textWidth(word, 12.5) * bold).toBeLessThanOrEqual(columnWidth(two, 2) - 4);
		}
		// Eight words: slanted, and steeper than 45° where 45° would set them under 18 units apart.
		const eight = figure('adjective-head', fluffy, {
			query: 'creature',
			stage: 'query-key',
			highlight: ['fluffy', 'blue']
		}).svg;
		const slanted = [...eight.matchAll(/transform="rotate\(-(\d+) [^"]+\)" data-slant="(\d+)"/g)];
		expect(slanted).toHaveLength(7);
		const degrees = Number(slanted[0][1]);
		expect(new Set(slanted.map((m) => Number(m[1])))).toEqual(new Set([degrees]));
		expect(columnWidth(eight, 7) * Math.sin((degrees * Math.PI) / 180)).toBeGreaterThanOrEqual(18);
	});

	test('embedding: one e arrow for the lookup; mole coincides in all three phrases', () => {
		const { svg, text } = figure(
			'same-start',
			mole,
			{
				query: 'mole',
				compare: [0, 1, 2],
				heads: ['topic'],
				meanings: ['mole-animal', 'mole-unit', 'mole-spot']
			},
			senses
		);
		expect(count(svg, /data-arrow="e-/g)).toBe(1);
		// The word, with a second line under it that says the arrow stands for all three.
		expect(svg).toMatch(/data-label="e-mole-0">mole</);
		expect(svg).toMatch(/data-label="e-mole-0-note">in all 3 phrases</);
		expect(count(svg, /class="fig-ray"/g)).toBe(3);
		expect(count(svg, /data-arrow="u-/g)).toBe(0);
		expect(text).toContain('context-free vector e of “mole”');
	});

	test('update: three e + Δe arrows, each labelled with its phrase and landing nearest its meaning', () => {
		const { svg, text } = figure(
			'three-arrows',
			mole,
			{
				stage: 'update',
				query: 'mole',
				compare: [0, 1, 2],
				heads: ['topic'],
				meanings: ['mole-animal', 'mole-unit', 'mole-spot']
			},
			senses
		);
		expect(count(svg, /data-arrow="u-/g)).toBe(3);
		for (const phrase of mole.sentences) expect(svg).toContain(`>${phrase}</text>`);
		expect(text).toContain('e + Δe lands nearest to “the animal”');
		expect(text).toContain('e + Δe lands nearest to “the chemist’s unit”');
		expect(text).toContain('e + Δe lands nearest to “a spot on the skin”');
	});

	test('update for every token: each line names the key whose weighted value adds most', () => {
		const { svg, data } = figure('every-update', fluffy, {
			stage: 'update',
			query: null,
			causal: true,
			heads: ['adjective']
		});
		const s = data.sentences[0];
		const lines = [
			...svg.matchAll(
				/<g class="fig-mover" data-query="([^"]*)">[^]*?from\u00a0<\/tspan><tspan class="fig-k">([^<]*)</g
			)
		];
		expect(lines.length).toBeGreaterThan(2);
		const size = (i: number, j: number) => s.weights[i][j] * Math.hypot(...s.values[j]);
		for (const [, query, from] of lines) {
			const i = s.tokens.indexOf(query);
			const j = s.tokens.indexOf(from);
			expect(size(i, j), `${query} from ${from}`).toBeGreaterThan(0);
			for (let k = 0; k < s.tokens.length; k++)
				expect(size(i, j)).toBeGreaterThanOrEqual(size(i, k));
		}
		// "a" has no value of its own: some line gives it the largest weight, and none names it.
		expect(
			lines.some(
				([, q]) => s.weights[s.tokens.indexOf(q)][0] === Math.max(...s.weights[s.tokens.indexOf(q)])
			)
		).toBe(true);
		expect(lines.map(([, , from]) => from)).not.toContain('a');
	});

	test('update for one token: the weighted values are laid head to tail and listed', () => {
		const { svg, data } = figure('value-update', hotDog, {
			...hotDogSoftmax,
			stage: 'update',
			causal: true,
			meanings: ['animal', 'food']
		});
		const sentence = data.sentences.find((s) => s.index === 1)!;
		const i = sentence.tokens.indexOf('dog');
		const used = sentence.weights[i].filter((w) => w > 0).length;
		expect(count(svg, /data-arrow="w-/g)).toBe(used);
		expect(svg).toContain('data-key="hot"');
		expect(svg).toMatch(/lands nearest/);
		// Every feature the Δe line names comes from a line above: Δe is their sum.
		const lines = [...svg.matchAll(/× v → ([^<]*)</g)].map((m) => m[1]);
		expect(lines.length).toBe(Math.min(3, used));
		const total = /Δe<\/text><text class="fig-small fig-num"[^>]*>([^<]*)</.exec(svg)?.[1] ?? '';
		const named = [...total.matchAll(/[+−]\d\.\d\d (\w+)/g)].map((m) => m[1]);
		expect(named.length).toBe(3);
		for (const feature of named) expect(lines.join(' '), feature).toContain(` ${feature}`);
	});

	test('update: each weight’s percentage, 100% included, starts clear of its bar', () => {
		// "tower" alone: one key, weight 100%, a full bar.
		const { svg } = figure(
			'tower-alone',
			{ slug: 'mole', sentences: ['tower'] },
			{
				query: 'tower',
				stage: 'update',
				causal: true
			}
		);
		const terms = [...svg.matchAll(/<g class="fig-term"[^]*?<\/g>/g)].map((m) => m[0]);
		expect(terms.length).toBeGreaterThan(0);
		expect(terms.some((t) => t.includes('>100%<'))).toBe(true);
		for (const term of terms) {
			const track = /<rect class="fig-weight-track" x="([\d.]+)"[^>]* width="([\d.]+)"/.exec(term)!;
			const pct = /<text class="fig-num fig-small" x="([\d.]+)"[^>]*>([^<]+)</.exec(term)!;
			const start = Number(pct[1]) - textWidth(pct[2], 11.5);
			expect(start, pct[2]).toBeGreaterThanOrEqual(Number(track[1]) + Number(track[2]) + 3);
		}
	});

	test('the readout lists every candidate and marks the guess, with and without attention', () => {
		const without = figure('without', hotDog, {
			sentence: 1,
			query: 'dog',
			causal: true,
			attend: false,
			readout: true
		});
		const withIt = figure('with', hotDog, {
			sentence: 1,
			query: 'dog',
			causal: true,
			stage: 'update',
			readout: true
		});
		const p = withIt.data.prediction!;
		expect(without.svg).toContain(`data-guess="${p.withoutUpdate.word}"`);
		expect(withIt.svg).toContain(`data-guess="${p.withUpdate.word}"`);
		expect(p.withUpdate.word).not.toBe(p.withoutUpdate.word);
		for (const word of Object.keys(model.readout)) {
			expect(withIt.svg).toContain(`data-word="${word}"`);
		}
		expect(withIt.svg).toContain('without attention');
	});

	test('the readout’s bars keep one scale from sentence to sentence of a chapter', () => {
		/** Units of bar per unit of score, from each candidate's bar and its score in the data. */
		const scales = (sentence: number) => {
			const { svg, data } = figure('readout', hotDog, {
				sentence,
				query: 'dog',
				causal: true,
				stage: 'update',
				readout: true
			});
			const scores = data.prediction!.withUpdate.scores;
			return [
				...svg.matchAll(
					/<g class="fig-candidate" data-word="([^"]*)"[^>]*>[^]*?<rect class="fig-readout-bar[^"]*"[^>]*width="([\d.]+)"/g
				)
			]
				.filter(([, word]) => Math.abs(scores[word]) > 0.1)
				.map(([, word, width]) => Number(width) / Math.abs(scores[word]));
		};
		const all = [...scales(0), ...scales(1)];
		expect(all.length).toBeGreaterThan(4);
		for (const k of all) expect(k).toBeCloseTo(all[0], 6);
	});

	test('the text after each readout bar, "← animal" included, ends inside the figure', () => {
		// dog-alone: "the dog was", the widest label ("0.58  ← animal") on the longest bar.
		const dogWas = { slug: 'hot-dog', sentences: ['the dog was'] };
		for (const attend of [false, true]) {
			const { svg } = figure('readout', dogWas, { query: 'dog', readout: true, attend });
			const panel = svg.slice(svg.indexOf('<g class="fig-readout"'));
			const tails = [
				...panel.matchAll(
					/<text class="fig-num fig-small[^"]*"[^>]*x="([\d.]+)"[^>]*>([^<]+)<\/text>/g
				)
			];
			expect(tails.length).toBe(Object.keys(model.readout).length);
			for (const [, x, text] of tails) {
				const bold = text.includes('←') ? 1.12 : 1;
				expect(Number(x) + textWidth(text, 11.5) * bold, text).toBeLessThanOrEqual(WIDTH - 2);
			}
		}
	});

	test('markup uses classes, not colours, and every font size is at least 11', () => {
		const states: Partial<FigureState>[] = [
			hotDogSoftmax,
			{ ...hotDogSoftmax, stage: 'query-key' },
			{ ...hotDogSoftmax, stage: 'update', readout: true }
		];
		for (const partial of states) {
			const { svg } = figure('x', hotDog, partial);
			expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(|hsl\(/i);
			expect(svg).not.toMatch(/<style/);
			for (const [, size] of svg.matchAll(/font-size="([\d.]+)"/g)) {
				expect(Number(size)).toBeGreaterThanOrEqual(11);
			}
		}
		const css = readFileSync('src/lib/figures/figure.css', 'utf8');
		for (const [, size] of css.matchAll(/font-size:\s*([\d.]+)px/g)) {
			expect(Number(size)).toBeGreaterThanOrEqual(11);
		}
		expect(css).toMatch(/tabular-nums/);
	});

	test('every stage renders for unknown words, a single word and a long sentence', () => {
		const odd = {
			slug: 'typed',
			sentences: [
				'the zorp was',
				'dog',
				'the hot dog was a fluffy blue creature that roamed the verdant forest'
			]
		};
		const stages = ['embedding', 'query-key', 'dot-product', 'scale', 'softmax', 'mask', 'update'];
		for (const sentence of [0, 1, 2]) {
			for (const stage of stages) {
				const { svg, data } = figure('typed', odd, {
					sentence,
					stage: stage as FigureState['stage'],
					query: sentence === 0 ? 'zorp' : 'dog',
					causal: true
				});
				const n = data.sentences[0].tokens.length;
				if (['dot-product', 'scale', 'softmax', 'mask'].includes(stage)) {
					expect(count(svg, /<g class="fig-cell"/g)).toBe(n * n);
				}
				expect(svg).not.toMatch(/NaN|undefined|Infinity/);
			}
		}
	});

	test('rendering is deterministic', () => {
		expect(figure('softmax', hotDog, hotDogSoftmax).body).toBe(
			figure('softmax', hotDog, hotDogSoftmax).body
		);
	});

	test.each([
		[
			'hot-dog-embedding',
			hotDog,
			{
				sentence: 1,
				query: 'dog',
				causal: true,
				attend: false,
				readout: true,
				meanings: ['animal', 'food']
			},
			animalFood
		],
		['hot-dog-query-key', hotDog, { ...hotDogSoftmax, stage: 'query-key' }, animalFood],
		['hot-dog-scale', hotDog, { ...hotDogSoftmax, stage: 'scale' }, animalFood],
		['hot-dog-mask', hotDog, { ...hotDogSoftmax, stage: 'mask', causal: true }, animalFood],
		[
			'hot-dog-food-readout',
			hotDog,
			{
				...hotDogSoftmax,
				stage: 'update',
				causal: true,
				readout: true,
				meanings: ['animal', 'food']
			},
			animalFood
		],
		[
			'mole-three-arrows',
			mole,
			{
				stage: 'update',
				query: 'mole',
				compare: [0, 1, 2],
				heads: ['topic'],
				meanings: ['mole-animal', 'mole-unit', 'mole-spot']
			},
			senses
		],
		['fluffy-mask', fluffy, { stage: 'mask', causal: true }, animalFood]
	] as const)('snapshot: %s', async (name, chapter, partial, plane) => {
		const { svg } = figure(name, chapter, partial as Partial<FigureState>, plane);
		await expect(svg.replace(/></g, '>\n<')).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
	});
});
