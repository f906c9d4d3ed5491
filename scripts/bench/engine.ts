// Engine timings in Node: one head and the toy model's full set of heads, on random inputs of the model's size.
import { runHead, runHeads, type HeadWeights, type Matrix } from '../../src/lib/engine/index.ts';
import { round, summarise, type Summary } from './util.ts';

/** The toy model's dimensions (read from content/model.yaml by the caller). */
export interface ModelShape {
	dModel: number;
	dK: number;
	dV: number;
	heads: number;
}

export interface EngineRow {
	tokens: number;
	reps: number;
	/** One head (runHead, causal): projections, scores, scale, mask, softmax, weighted sum, E + Δe. */
	oneHead: Summary;
	/** Every head of the toy model (runHeads, causal) and their summed update: the full forward pass. */
	allHeads: Summary;
}

/** A small deterministic PRNG (mulberry32), so every run times the same numbers. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function matrix(rows: number, cols: number, next: () => number): Matrix {
	return Array.from({ length: rows }, () => Array.from({ length: cols }, () => next() * 2 - 1));
}

function head(shape: ModelShape, next: () => number): HeadWeights {
	return {
		query: matrix(shape.dModel, shape.dK, next),
		key: matrix(shape.dModel, shape.dK, next),
		valueDown: matrix(shape.dModel, shape.dV, next),
		valueUp: matrix(shape.dV, shape.dModel, next)
	};
}

/** Time `fn` `reps` times after `warm` untimed calls, stopping early past `budgetMs`. */
function time(fn: () => unknown, reps: number, warm: number, budgetMs: number): number[] {
	for (let i = 0; i < warm; i++) fn();
	const out: number[] = [];
	const start = performance.now();
	for (let i = 0; i < reps; i++) {
		const t0 = performance.now();
		fn();
		out.push(performance.now() - t0);
		if (performance.now() - start > budgetMs && out.length >= 3) break;
	}
	return out;
}

/** Repetitions by size: many for small inputs, a few for the 2,048-token pass. */
function repsFor(n: number): { reps: number; warm: number; budgetMs: number } {
	if (n <= 128) return { reps: 300, warm: 30, budgetMs: 3000 };
	if (n <= 512) return { reps: 30, warm: 3, budgetMs: 8000 };
	return { reps: 5, warm: 1, budgetMs: 30_000 };
}

/** Median (and p95, max) times for a forward pass at each token count. */
export function engineTimings(shape: ModelShape, sizes = [8, 24, 128, 512, 2048]): EngineRow[] {
	const next = random(2024);
	const heads = Array.from({ length: shape.heads }, () => head(shape, next));
	return sizes.map((n) => {
		const embeddings = matrix(n, shape.dModel, next);
		const plan = repsFor(n);
		const one = time(
			() => runHead(embeddings, heads[0], { causal: true }),
			plan.reps,
			plan.warm,
			plan.budgetMs
		);
		const all = time(
			() => runHeads(embeddings, heads, { causal: true }),
			plan.reps,
			plan.warm,
			plan.budgetMs
		);
		return {
			tokens: n,
			reps: round(Math.min(one.length, all.length), 0),
			oneHead: summarise(one),
			allHeads: summarise(all)
		};
	});
}
