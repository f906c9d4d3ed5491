// Proof that content/model.yaml tells the essay's story: every claim the prose makes, computed from the data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cosine, nearest, type Vector } from '../engine/index.ts';
import { loadModel } from '../server/content/model.ts';
import { loadContent } from '../server/content/index.ts';
import { computeSentence, computeStepData, predictNext, type SentenceData } from './step-data.ts';

const model = loadModel(
	readFileSync(new URL('../../../content/model.yaml', import.meta.url), 'utf8'),
	'content/model.yaml'
);

/** Every sentence the chapters use. */
const SENTENCES = {
	hotDog: ['the dog was', 'the hot dog was'],
	mole: ['American true mole', 'one mole of carbon dioxide', 'take a biopsy of the mole'],
	tower: ['tower', 'Eiffel tower', 'miniature Eiffel tower'],
	fluffy: ['a fluffy blue creature roamed the verdant forest'],
	summary: ['the creature']
};

/** Runs a sentence and returns it with a helper for one token's row. */
function run(text: string, heads: string[], causal: boolean) {
	const s = computeSentence(model, text, { heads, causal });
	const at = (word: string) => {
		const i = s.tokens.indexOf(word);
		if (i < 0) throw new Error(`"${word}" is not in "${text}"`);
		return i;
	};
	return { ...s, at };
}

/** The meaning vectors with these names. */
function meanings(...names: string[]): Record<string, Vector> {
	return Object.fromEntries(names.map((n) => [n, model.meanings[n].vector]));
}

/** Index of the largest entry (the first, on a tie). */
function argmax(row: number[]): number {
	return row.reduce((best, x, i) => (x > row[best] ? i : best), 0);
}

/** Column indices of a row, largest weight first. */
function ranked(row: number[]): number[] {
	return row.map((_, i) => i).sort((a, b) => row[b] - row[a]);
}

function expectNormalisedAndMasked(s: SentenceData, causal: boolean) {
	s.weights.forEach((row, i) => {
		expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		row.forEach((w, j) => {
			if (causal && j > i) {
				expect(s.masked[i][j]).toBe(-Infinity);
				expect(w).toBe(0);
			}
		});
	});
}

describe('the toy model', () => {
	it('knows every word of every chapter sentence', () => {
		for (const text of Object.values(SENTENCES).flat()) {
			const s = computeSentence(model, text, { heads: ['adjective'], causal: false });
			expect(
				s.tokens.filter((_, i) => s.unknown[i]),
				text
			).toEqual([]);
		}
	});

	it('has readable numbers: at most two decimals everywhere', () => {
		const numbers = [
			...Object.values(model.vocabulary).flat(),
			...Object.values(model.heads).flatMap((h) =>
				[h.query, h.key, h.valueDown, h.valueUp].flat(2)
			),
			...Object.values(model.meanings).flatMap((m) => m.vector),
			...Object.values(model.readout).flatMap((m) => m.vector)
		];
		for (const x of numbers) expect(Math.round(x * 100) / 100).toBe(x);
	});

	it('has kebab-case head names, the adjective head first, and at least two heads', () => {
		const names = Object.keys(model.heads);
		for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
		expect(names[0]).toBe('adjective');
		expect(names.length).toBeGreaterThanOrEqual(2);
	});
});

describe('hot dog', () => {
	const [plain, hot] = SENTENCES.hotDog;

	it('in "the hot dog was", the query "dog" puts its largest weight on "hot"', () => {
		const s = run(hot, ['adjective'], true);
		expect(argmax(s.weights[s.at('dog')])).toBe(s.at('hot'));
	});

	it('in "the hot dog was", dog’s e + Δe is closer to food and further from animal than e', () => {
		const s = run(hot, ['adjective'], true);
		const i = s.at('dog');
		const { animal, food } = meanings('animal', 'food');
		expect(cosine(s.updated[i], food)).toBeGreaterThan(cosine(s.embeddings[i], food));
		expect(cosine(s.updated[i], animal)).toBeLessThan(cosine(s.embeddings[i], animal));
		expect(nearest(s.updated[i], { animal, food })[0].name).toBe('food');
	});

	it('in "the dog was", dog stays an animal', () => {
		const s = run(plain, ['adjective'], true);
		const i = s.at('dog');
		const { animal, food } = meanings('animal', 'food');
		expect(nearest(s.embeddings[i], { animal, food })[0].name).toBe('animal');
		expect(nearest(s.updated[i], { animal, food })[0].name).toBe('animal');
		expect(cosine(s.updated[i], food)).toBeLessThanOrEqual(cosine(s.embeddings[i], food));
	});

	it('"the dog was" reads out an animal word: barking', () => {
		const p = predictNext(model, plain, { head: 'adjective', causal: true })!;
		expect(p.token).toBe('was');
		expect(p.withUpdate).toMatchObject({ word: 'barking', label: 'animal' });
		expect(p.withoutUpdate).toMatchObject({ word: 'barking', label: 'animal' });
	});

	it('"the hot dog was" without the update reads out an animal word (panting); with it, food (sizzling)', () => {
		const p = predictNext(model, hot, { head: 'adjective', causal: true })!;
		expect(p.position).toBe(3);
		expect(p.token).toBe('was');
		expect(p.readoutHead).toBe(model.readoutHead);
		expect(p.withoutUpdate).toMatchObject({ word: 'panting', label: 'animal' });
		expect(p.withUpdate).toMatchObject({ word: 'sizzling', label: 'food' });
	});
});

describe('mole', () => {
	const senses = meanings('mole-animal', 'mole-unit', 'mole-spot');
	const expected = ['mole-animal', 'mole-unit', 'mole-spot'];

	it('"mole" starts from the same e in all three phrases', () => {
		const es = SENTENCES.mole.map((text) => {
			const s = run(text, ['topic'], false);
			return s.embeddings[s.at('mole')];
		});
		expect(es[1]).toEqual(es[0]);
		expect(es[2]).toEqual(es[0]);
	});

	it('e alone belongs to no sense: it leans toward the animal but is not close to any', () => {
		const ranking = nearest(model.vocabulary.mole, senses);
		expect(ranking[0].name).toBe('mole-animal');
		for (const { similarity } of ranking) expect(similarity).toBeLessThan(0.5);
	});

	// The chapter may also run the adjective head beside topic (for its tower coda).
	for (const [heads, causal] of [
		[['topic'], false],
		[['topic'], true],
		[['topic', 'adjective'], false]
	] as const) {
		it(`each phrase moves "mole" nearest its own sense (heads: ${heads.join(', ')}; causal: ${causal})`, () => {
			SENTENCES.mole.forEach((text, k) => {
				const s = run(text, [...heads], causal);
				const i = s.at('mole');
				expect(nearest(s.updated[i], senses)[0].name, text).toBe(expected[k]);
				// …and closer to its own sense than e was.
				expect(cosine(s.updated[i], senses[expected[k]])).toBeGreaterThan(
					cosine(s.embeddings[i], senses[expected[k]])
				);
			});
		});
	}
});

describe('tower', () => {
	const [, eiffel, miniature] = SENTENCES.tower;
	const { 'paris-steel': parisSteel, large } = meanings('paris-steel', 'large');
	const largeIndex = model.features.indexOf('large');

	it('the tower phrases move the same with the topic head added (the mole chapter runs both)', () => {
		for (const text of SENTENCES.tower) {
			const alone = run(text, ['adjective'], false);
			const both = run(text, ['adjective', 'topic'], false);
			both.updated.forEach((row, i) =>
				row.forEach((x, j) => expect(x).toBeCloseTo(alone.updated[i][j], 12))
			);
		}
	});

	it('alone, "tower" attends only to itself; "Eiffel" makes it larger still, "miniature" smaller than e', () => {
		const [lone, a, b] = SENTENCES.tower.map((text) => {
			const s = run(text, ['adjective'], true);
			return s.updated[s.at('tower')][largeIndex];
		});
		const e = model.vocabulary.tower[largeIndex];
		expect(a).toBeGreaterThan(lone);
		expect(b).toBeLessThan(e);
	});

	it('"Eiffel tower" moves tower toward Paris and steel, and stays nearest large, tall', () => {
		const s = run(eiffel, ['adjective'], true);
		const i = s.at('tower');
		expect(cosine(s.updated[i], parisSteel)).toBeGreaterThan(cosine(s.embeddings[i], parisSteel));
		expect(nearest(s.updated[i], { 'paris-steel': parisSteel, large })[0].name).toBe('large');
	});

	it('"miniature Eiffel tower" still moves toward Paris and steel, and away from large', () => {
		const a = run(eiffel, ['adjective'], true);
		const b = run(miniature, ['adjective'], true);
		const ta = a.updated[a.at('tower')];
		const tb = b.updated[b.at('tower')];
		const e = b.embeddings[b.at('tower')];
		expect(cosine(tb, parisSteel)).toBeGreaterThan(cosine(e, parisSteel));
		expect(tb[largeIndex]).toBeLessThan(ta[largeIndex]);
		expect(tb[largeIndex]).toBeLessThan(e[largeIndex]);
		expect(cosine(tb, large)).toBeLessThan(cosine(ta, large));
	});
});

describe('fluffy creature', () => {
	const [text] = SENTENCES.fluffy;

	it('on the full grid, "creature" gives its two largest weights, over half in all, to "fluffy" and "blue"', () => {
		const s = run(text, ['adjective'], false);
		const row = s.weights[s.at('creature')];
		expect(ranked(row).slice(0, 2).sort()).toEqual([s.at('fluffy'), s.at('blue')].sort());
		expect(row[s.at('fluffy')] + row[s.at('blue')]).toBeGreaterThan(0.5);
	});

	it('on the full grid, "forest" puts its largest weight on "verdant"', () => {
		const s = run(text, ['adjective'], false);
		expect(argmax(s.weights[s.at('forest')])).toBe(s.at('verdant'));
	});

	it('every row sums to 1 with and without the causal mask; masked weights are exactly 0', () => {
		expectNormalisedAndMasked(run(text, ['adjective'], false), false);
		expectNormalisedAndMasked(run(text, ['adjective'], true), true);
	});

	it('with the causal mask, "creature" still looks mostly at "fluffy" and "blue"', () => {
		const s = run(text, ['adjective'], true);
		const row = s.weights[s.at('creature')];
		expect(ranked(row).slice(0, 2).sort()).toEqual([s.at('fluffy'), s.at('blue')].sort());
	});

	it('scaling keeps the order of every row', () => {
		const s = run(text, ['adjective'], false);
		s.scores.forEach((row, i) => expect(ranked(s.scaled[i])).toEqual(ranked(row)));
	});

	it('"forest" and "creature" ask different questions: verdant answers one, fluffy and blue the other', () => {
		const s = run(text, ['adjective'], false);
		const [forest, creature] = [s.at('forest'), s.at('creature')];
		expect(s.queries[forest]).not.toEqual(s.queries[creature]);
		// What both ask: "fluffy" and "blue" score above nothing for either noun.
		for (const q of [forest, creature]) {
			expect(s.scores[q][s.at('fluffy')]).toBeGreaterThan(0);
			expect(s.scores[q][s.at('blue')]).toBeGreaterThan(0);
		}
		// Where they differ: "verdant" beats "fluffy" for forest, and loses to it for creature.
		expect(s.scores[forest][s.at('verdant')]).toBeGreaterThan(s.scores[forest][s.at('fluffy')]);
		expect(s.scores[creature][s.at('verdant')]).toBeLessThan(s.scores[creature][s.at('fluffy')]);
		// "fluffy" and "blue" still take the next shares of forest's weight.
		expect(ranked(s.weights[forest]).slice(1, 3).sort()).toEqual(
			[s.at('fluffy'), s.at('blue')].sort()
		);
	});

	it('forest prefers verdant by meaning: its embedding has nature, creature’s has none', () => {
		const nature = model.features.indexOf('nature');
		expect(nature).toBeGreaterThanOrEqual(0);
		const s = run(text, ['adjective'], false);
		expect(s.embeddings[s.at('forest')][nature]).toBeGreaterThan(0);
		expect(s.embeddings[s.at('verdant')][nature]).toBeGreaterThan(0);
		expect(s.embeddings[s.at('creature')][nature]).toBe(0);
	});

	describe('every update at once (with the mask)', () => {
		const s = run(text, ['adjective'], true);
		const feature = (name: string) => model.features.indexOf(name);
		const [colour, texture] = [feature('colour'), feature('texture')];

		it('"creature" gains colour and texture, its largest changes', () => {
			const delta = s.deltas[s.at('creature')];
			const top = ranked(delta.map(Math.abs)).slice(0, 2);
			expect(top.sort()).toEqual([colour, texture].sort());
		});

		it('"forest" gains them too, but less than "creature"', () => {
			const [forest, creature] = [s.deltas[s.at('forest')], s.deltas[s.at('creature')]];
			expect(forest[colour]).toBeGreaterThan(0);
			expect(forest[texture]).toBeGreaterThan(0);
			expect(forest[colour]).toBeLessThan(creature[colour]);
			expect(forest[texture]).toBeLessThan(creature[texture]);
		});

		it('verdant has forest’s largest weight but a smaller value, so fluffy and blue bring forest more', () => {
			const w = s.weights[s.at('forest')];
			const [verdant, fluffy, blue] = [s.at('verdant'), s.at('fluffy'), s.at('blue')];
			expect(argmax(w)).toBe(verdant);
			expect(s.values[verdant][colour]).toBeLessThan(s.values[fluffy][colour]);
			expect(s.values[verdant][colour]).toBeLessThan(s.values[blue][colour]);
			const share = (j: number) => w[j] * s.values[j][colour];
			expect(share(fluffy) + share(blue)).toBeGreaterThan(share(verdant));
		});

		it('every word is updated but "a", which sees only itself and whose value is zero', () => {
			const a = s.at('a');
			expect(s.weights[a][a]).toBe(1);
			expect(s.values[a].every((x) => x === 0)).toBe(true);
			expect(s.deltas[a].every((x) => x === 0)).toBe(true);
			s.tokens.forEach((word, i) => {
				if (i !== a)
					expect(
						s.deltas[i].some((x) => x !== 0),
						word
					).toBe(true);
			});
		});
	});
});

describe('readouts before attention', () => {
	// A chapter's embedding steps come before it has shown any attention: a readout there is the
	// guess from the looked-up vectors, and its label says "without attention".
	const { manifest } = loadContent();
	const early = manifest.chapters.flatMap((c) =>
		c.steps.filter((x) => x.state.readout && x.state.stage === 'embedding')
	);

	it('the embedding steps with a readout read it without the update', () => {
		expect(early.map((x) => x.id)).toContain('dog-alone');
		for (const x of early) expect(x.state.attend, x.id).toBe(false);
	});
});

describe('cross-attention (scaling up)', () => {
	// The step as the essay declares it (its heads, sentences and source), not a setup of our own.
	const { manifest } = loadContent();
	const chapter = manifest.chapters.find((c) => c.slug === 'scaling-up')!;
	const step = chapter.steps.find((x) => x.id === 'cross-attention')!;
	const data = computeStepData(model, chapter, step.id, step.state);
	const [s] = data.sentences;
	const keys = s.source?.tokens ?? [];
	const column = (word: string) => keys.indexOf(word);
	const row = s.weights[s.tokens.indexOf('creature')];

	it('runs one head, "our toy head" (adjective), with no mask', () => {
		expect(data.heads).toEqual(['adjective']);
		expect(data.causal).toBe(false);
		expect(s.source?.text).toBe(SENTENCES.fluffy[0]);
	});

	it('is a rectangle: a row per word written, a column per word of the source, eight of them', () => {
		expect(s.tokens).toEqual(SENTENCES.summary[0].split(' '));
		expect(keys).toHaveLength(8);
		for (const r of s.weights) expect(r).toHaveLength(8);
	});

	it('the summary’s "creature" reaches across for "fluffy" and "blue", over half its weight', () => {
		expect(ranked(row).slice(0, 2).sort()).toEqual([column('fluffy'), column('blue')].sort());
		expect(row[column('fluffy')] + row[column('blue')]).toBeGreaterThan(0.5);
	});

	it('"verdant" takes about a fifth, the third largest weight', () => {
		expect(ranked(row)[2]).toBe(column('verdant'));
		expect(row[column('verdant')]).toBeGreaterThan(0.15);
		expect(row[column('verdant')]).toBeLessThan(0.25);
	});

	it('the values it brings back are about looks: the largest change is in colour and texture', () => {
		const delta = s.deltas[s.tokens.indexOf('creature')];
		const order = ranked(delta.map(Math.abs))
			.slice(0, 2)
			.map((i) => model.features[i]);
		expect(order.sort()).toEqual(['colour', 'texture']);
	});
});

describe('several heads', () => {
	const [text] = SENTENCES.fluffy;

	it('on the fluffy sentence, at least two heads each propose a different Δe, and the proposals are summed', () => {
		const names = Object.keys(model.heads);
		const s = run(text, names, false);
		const proposing = s.heads.filter((h) => h.deltas.flat().some((x) => Math.abs(x) > 0.05));
		expect(proposing.length).toBeGreaterThanOrEqual(2);
		expect(proposing[0].deltas).not.toEqual(proposing[1].deltas);
		s.deltas.forEach((row, i) =>
			row.forEach((x, j) => {
				const sum = s.heads.reduce((acc, h) => acc + h.deltas[i][j], 0);
				expect(x).toBeCloseTo(sum, 12);
				expect(s.updated[i][j]).toBeCloseTo(s.embeddings[i][j] + sum, 12);
			})
		);
	});
});
