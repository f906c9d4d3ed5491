// Browser side of the try-it benchmark: recompute a 24-word sentence and redraw the real figure components.
//
//   window.__BENCH_TRYIT__ (set by scripts/bench/tryit.ts) ──▶ prepare(stage) mounts the components
//   run(change) ──▶ recompute (runTry + figureInput, or computeStepData) ──▶ props ──▶ flushSync ──▶ layout
import { flushSync, mount, unmount, type Component } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import Figure from '$lib/figures/Figure.svelte';
import { planeOf, type Chapter, type FigureState } from '$lib/manifest.ts';
import { computeStepData } from '$lib/model/step-data.ts';
import type { ToyModel } from '$lib/model/types.ts';
import '$lib/theme.css';

/** What Node hands the page. */
interface Input {
	model: ToyModel;
	chapter: Pick<Chapter, 'slug' | 'title' | 'sentences' | 'defaults' | 'planes'>;
	/** The chapter's steps (id and state), for the essay-figure fallback. */
	steps: { id: string; state: FigureState }[];
	/** Two 24-word sentences that differ in one word. */
	texts: [string, string];
	/** Index of the focused word in both. */
	query: number;
}

/** The try-it's modules, when they exist (an empty glob otherwise, so this page always builds). */
const tryModules = import.meta.glob(
	[
		'../../../src/lib/tryit/compute.ts',
		'../../../src/lib/tryit/state.ts',
		'../../../src/lib/tryit/TryGrid.svelte',
		'../../../src/lib/tryit/TryQuery.svelte'
	],
	{ eager: true }
) as Record<string, Record<string, unknown>>;

function tryModule(name: string): Record<string, unknown> | undefined {
	return Object.entries(tryModules).find(([path]) => path.endsWith(`/tryit/${name}`))?.[1];
}

type Props = Record<string, unknown>;
type AnyComponent = Component<Props>;
type Change = 'sentence' | 'query';

interface Mounted {
	set(values: Props): void;
	destroy(): void;
}

/** Mount a component whose props read from one reactive map, so setting a value updates it in place. */
function mountReactive(component: AnyComponent, target: HTMLElement, initial: Props): Mounted {
	const box = new SvelteMap<string, unknown>(Object.entries(initial));
	const props: Props = {};
	for (const key of Object.keys(initial)) {
		Object.defineProperty(props, key, { get: () => box.get(key), enumerable: true });
	}
	const instance = mount(component, { target, props });
	flushSync();
	return {
		set(values) {
			for (const [k, v] of Object.entries(values)) box.set(k, v);
		},
		destroy: () => unmount(instance)
	};
}

const input = (window as unknown as { __BENCH_TRYIT__: Input }).__BENCH_TRYIT__;
const target = document.getElementById('bench')!;
const { model, chapter } = input;
const features = model.features;
const meaningLabels = Object.fromEntries(
	Object.entries(model.meanings).map(([k, m]) => [k, m.label])
);
const headName = Object.keys(model.heads)[0];

const compute = tryModule('compute.ts');
const stateModule = tryModule('state.ts');
const TryGrid = tryModule('TryGrid.svelte')?.default as AnyComponent | undefined;
const TryQuery = tryModule('TryQuery.svelte')?.default as AnyComponent | undefined;
/** The try-it path needs its pure recompute (runTry, figureInput) and its stages. */
const hasTryIt = Boolean(
	compute &&
	typeof compute.runTry === 'function' &&
	typeof compute.figureInput === 'function' &&
	Array.isArray(stateModule?.TRY_STAGES)
);

type Recompute = (text: string, nudge: number[]) => { grid: Props; query?: Props };

interface Prepared {
	recompute: Recompute;
	parts: Mounted[];
	/** Which components are redrawn. */
	components: string[];
}

let current: Prepared | null = null;
let flip = false;

function nudgeFor(on: boolean): number[] {
	return Array.from({ length: model.keySize }, (_, i) => (on && i === 1 ? 1.5 : 0));
}

/** The try-it's own recompute and components for one stage. */
function prepareTryIt(stage: string): Prepared {
	const runTry = compute!.runTry as (m: ToyModel, head: string, s: unknown) => unknown;
	const figureInput = compute!.figureInput as (
		run: unknown,
		s: unknown,
		c: Input['chapter'],
		m: ToyModel
	) => { state: FigureState; data: unknown };
	const hints =
		typeof compute!.componentHints === 'function'
			? (compute!.componentHints as (h: unknown, f: string[]) => string[])(
					model.heads[headName],
					features
				)
			: [];
	const grid = stage !== 'update' && TryGrid;
	const recompute: Recompute = (text, nudge) => {
		const state = {
			sentence: text,
			query: input.query,
			causal: stage === 'mask' || chapter.defaults.causal,
			stage,
			nudge
		};
		const run = runTry(model, headName, state);
		const figure = figureInput(run, state, chapter, model);
		const props: Props = grid
			? {
					state: figure.state,
					data: figure.data,
					features,
					title: `Try it: ${chapter.title}`,
					reducedMotion: true
				}
			: {
					stepId: 'try',
					state: figure.state,
					data: figure.data,
					plane: planeOf(chapter, figure.state),
					features,
					meaningLabels,
					reducedMotion: true
				};
		return {
			grid: props,
			query: TryQuery ? { run, features, hints, onnudge: () => {}, onreset: () => {} } : undefined
		};
	};
	const first = recompute(input.texts[0], nudgeFor(false));
	const parts = [mountReactive(grid ? grid : (Figure as AnyComponent), target, first.grid)];
	const components = [grid ? 'TryGrid' : 'Figure'];
	if (first.query && TryQuery) {
		parts.push(mountReactive(TryQuery, target, first.query));
		components.push('TryQuery');
	}
	return { recompute, parts, components };
}

/** Fallback: the essay's Figure at one of the chapter's steps, recomputed with computeStepData. */
function prepareEssay(stepIndex: number): Prepared {
	const step = input.steps[stepIndex];
	const recompute: Recompute = (text) => {
		const words = text.split(' ');
		const state: FigureState = {
			...step.state,
			sentence: 0,
			compare: [],
			query: step.state.query === null ? null : words[input.query],
			highlight: []
		};
		const data = computeStepData(model, { slug: chapter.slug, sentences: [text] }, step.id, state);
		return {
			grid: {
				stepId: step.id,
				state,
				data,
				plane: planeOf(chapter, state),
				features,
				meaningLabels,
				reducedMotion: true
			}
		};
	};
	const first = recompute(input.texts[0], []);
	return {
		recompute,
		parts: [mountReactive(Figure as AnyComponent, target, first.grid)],
		components: ['Figure']
	};
}

/** Labels of what can be timed: the try-it's stages, or the chapter's steps in the fallback. */
function cases(): string[] {
	if (hasTryIt) return [...(stateModule!.TRY_STAGES as string[])];
	return input.steps.map((s) => `${s.id} (${s.state.stage})`);
}

function prepare(index: number): string[] {
	current?.parts.forEach((p) => p.destroy());
	target.replaceChildren();
	flip = false;
	current = hasTryIt ? prepareTryIt(cases()[index]) : prepareEssay(index);
	return current.components;
}

/** One change: [recompute ms, Svelte DOM update ms, style + layout ms]. */
function run(change: Change): [number, number, number] {
	const c = current!;
	flip = !flip;
	const text = change === 'sentence' ? input.texts[flip ? 1 : 0] : input.texts[0];
	const nudge = nudgeFor(change === 'query' && flip);
	const t0 = performance.now();
	const next = c.recompute(text, nudge);
	const t1 = performance.now();
	c.parts[0].set(next.grid);
	if (next.query && c.parts[1]) c.parts[1].set(next.query);
	flushSync();
	const t2 = performance.now();
	void document.body.offsetHeight;
	const t3 = performance.now();
	return [t1 - t0, t2 - t1, t3 - t2];
}

(window as unknown as { __tryit: unknown }).__tryit = {
	mode: hasTryIt ? 'tryit' : 'essay-figure',
	cases,
	prepare,
	run,
	/** Quick sanity check: how many grid cells the current drawing has. */
	cells: () => target.querySelectorAll('rect').length
};
