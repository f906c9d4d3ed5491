// The published numbers: every step's JSON exists, has the documented shape, and tells the story.
import { expect, test } from '@playwright/test';
import { allSteps } from './helpers';

type M = number[][];
interface Sentence {
	text: string;
	tokens: string[];
	embeddings: M;
	weights: M;
	updated: M;
	/** Cross-attention: the sentence whose words supply the keys and values. */
	source?: { text: string; tokens: string[] };
	[k: string]: unknown;
}

const cos = (a: number[], b: number[]) => {
	const d = a.reduce((s, x, i) => s + x * b[i], 0);
	const n = Math.hypot(...a) * Math.hypot(...b);
	return n === 0 ? 0 : d / n;
};

test('every step publishes its numbers with the documented fields', async ({ request }) => {
	const steps = await allSteps(request);
	for (const step of steps) {
		const res = await request.get(`/data/${step.chapter}/${step.id}.json`);
		expect(res.ok(), step.id).toBe(true);
		const data = await res.json();
		expect(data).toMatchObject({ chapter: step.chapter, step: step.id, stage: step.stage });
		expect(typeof data.causal).toBe('boolean');
		expect(data.sentences.length).toBeGreaterThan(0);
		for (const s of data.sentences as Sentence[]) {
			// One row per query token; keys and values have one per key token, which in
			// cross-attention are the source's.
			const keyCount = (s.source?.tokens ?? s.tokens).length;
			for (const key of [
				'embeddings',
				'queries',
				'scores',
				'scaled',
				'weights',
				'deltas',
				'updated'
			]) {
				expect((s[key] as M).length, `${step.id}.${key}`).toBe(s.tokens.length);
			}
			for (const key of ['keys', 'values']) {
				expect((s[key] as M).length, `${step.id}.${key}`).toBe(keyCount);
			}
			s.weights.forEach((row) => {
				expect(row.length, `${step.id}: a weight per key`).toBe(keyCount);
				expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
			});
			if (data.causal) {
				s.weights.forEach((row, i) => row.forEach((w, j) => j > i && expect(w).toBe(0)));
			}
		}
	}
});

test('hot dog: dog moves toward food and the readout turns from an animal to a food word', async ({
	request
}) => {
	const steps = (await allSteps(request)).filter((s) => s.chapter === 'hot-dog');
	const update = steps.find((s) => s.stage === 'update')!;
	const data = await (await request.get(`/data/hot-dog/${update.id}.json`)).json();
	const features: string[] = data.features;
	const food = features.indexOf('food');
	const animal = features.indexOf('animal');
	const s: Sentence = data.sentences.find((x: Sentence) => x.tokens.includes('hot'));
	const dog = s.tokens.indexOf('dog');
	const axis = (f: number) => features.map((_, i) => (i === f ? 1 : 0));
	expect(cos(s.updated[dog], axis(food))).toBeGreaterThan(cos(s.embeddings[dog], axis(food)));
	expect(cos(s.updated[dog], axis(animal))).toBeLessThan(cos(s.embeddings[dog], axis(animal)));

	const withReadout = [];
	for (const st of steps) {
		const d = await (await request.get(`/data/hot-dog/${st.id}.json`)).json();
		if (d.prediction) withReadout.push(d);
	}
	expect(withReadout.length).toBeGreaterThan(0);
	const readout = withReadout[0].readout as Record<string, number[]>;
	const kind = (word: string) =>
		cos(readout[word], axis(food)) > cos(readout[word], axis(animal)) ? 'food' : 'animal';
	const p = withReadout.find((d) =>
		d.sentences.some((x: Sentence) => x.tokens.includes('hot'))
	).prediction;
	expect(kind(p.withoutUpdate.word)).toBe('animal');
	expect(kind(p.withUpdate.word)).toBe('food');
});

test('mole: each phrase lands nearest its own meaning', async ({ request }) => {
	const steps = (await allSteps(request)).filter((s) => s.chapter === 'mole');
	let checked = 0;
	for (const step of steps) {
		const data = await (await request.get(`/data/mole/${step.id}.json`)).json();
		const moles = (data.sentences as Sentence[]).filter((s) => s.tokens.includes('mole'));
		if (!data.meanings || moles.length < 3 || step.stage !== 'update') continue;
		const names = Object.keys(data.meanings);
		const landed = moles.map((s) => {
			const v = s.updated[s.tokens.indexOf('mole')];
			return names.reduce((best, n) =>
				cos(v, data.meanings[n]) > cos(v, data.meanings[best]) ? n : best
			);
		});
		expect(new Set(landed).size).toBe(3);
		checked++;
	}
	expect(checked).toBeGreaterThan(0);
});

test('fluffy creature: creature attends most to fluffy and blue, forest to verdant', async ({
	request
}) => {
	const steps = (await allSteps(request)).filter((s) => s.chapter === 'fluffy-creature');
	const softmax = steps.find((s) => s.stage === 'softmax')!;
	const data = await (await request.get(`/data/fluffy-creature/${softmax.id}.json`)).json();
	const s: Sentence = data.sentences[0];
	const row = (w: string) => s.weights[s.tokens.indexOf(w)];
	const top2 = (r: number[]) =>
		r
			.map((w, i) => [w, s.tokens[i]] as const)
			.sort((a, b) => b[0] - a[0])
			.slice(0, 2)
			.map((x) => x[1])
			.sort();
	expect(top2(row('creature'))).toEqual(['blue', 'fluffy']);
	const forest = row('forest');
	expect(s.tokens[forest.indexOf(Math.max(...forest))]).toBe('verdant');
});
