// Tests that the figure warms up one step per kind of drawing, and only in long idle periods.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FigureState } from '../manifest.ts';
import { loadModel } from '../server/content/model.ts';
import { baseState } from '../server/content/state.ts';
import { drawingKind, runWhenIdle, warmUpSteps, type IdleDeadline } from './warm.ts';

const model = loadModel(readFileSync('content/model.yaml', 'utf8'), 'content/model.yaml');

/** A chapter's starting state (the content pipeline's own): sentence 0 compared, "dog" queried, no attention. */
const base: FigureState = { ...baseState(model), compare: [0], query: 'dog', attend: false };

const step = (id: string, state: Partial<FigureState>) => ({ id, state: { ...base, ...state } });

/** Two chapters; ids say which steps repeat a kind of drawing seen before. */
const essay = {
	chapters: [
		{
			steps: [
				step('plane', {}),
				step('plane-again', { meanings: ['food'], highlight: ['hot'] }),
				step('vectors', { stage: 'query-key' }),
				step('grid', { stage: 'dot-product' }),
				step('update', { stage: 'update', attend: true }),
				step('readout', { stage: 'update', attend: true, readout: true })
			]
		},
		{
			steps: [
				step('grid-again', { stage: 'dot-product', sentence: 1 }),
				step('compare', { stage: 'update', attend: true, compare: [0, 1] }),
				step('every-query', { stage: 'update', attend: true, query: null }),
				step('masked', { stage: 'mask', causal: true }),
				step('heads', { stage: 'heads', focus: 'proposals' }),
				step('heads-factored', { stage: 'heads', focus: 'factored' })
			]
		}
	]
} as unknown as Parameters<typeof warmUpSteps>[0];

describe('warmUpSteps', () => {
	it('picks the first step of each kind of drawing, in reading order', () => {
		expect(warmUpSteps(essay)).toEqual([
			'plane',
			'vectors',
			'grid',
			'update',
			'readout',
			'compare',
			'every-query',
			'masked',
			'heads',
			'heads-factored'
		]);
	});

	it('leaves out the step already on screen', () => {
		expect(warmUpSteps(essay, ['vectors'])).not.toContain('vectors');
		expect(warmUpSteps(essay, ['vectors'])).toHaveLength(9);
	});

	it('tells apart what mounts other components, not what only changes numbers', () => {
		expect(drawingKind(base)).toBe(drawingKind({ ...base, sentence: 2, highlight: ['x'] }));
		expect(drawingKind(base)).not.toBe(drawingKind({ ...base, stage: 'update' }));
		expect(drawingKind({ ...base, stage: 'update' })).not.toBe(
			drawingKind({ ...base, stage: 'update', readout: true })
		);
	});
});

/** An idle scheduler under the test's control: `idle(ms)` runs the waiting callback. */
function fakeIdle() {
	let waiting: ((d: IdleDeadline) => void) | null = null;
	let scheduled = 0;
	return {
		schedule(run: (d: IdleDeadline) => void) {
			waiting = run;
			scheduled++;
			return () => {
				if (waiting === run) waiting = null;
			};
		},
		/** An idle period of `ms`; each job run inside it takes `cost` ms of it. */
		idle(ms: number, cost = 0, ran: string[] = []) {
			const run = waiting;
			waiting = null;
			let left = ms;
			run?.({
				timeRemaining: () => {
					const now = left;
					left -= cost;
					return Math.max(0, now);
				},
				didTimeout: false
			});
			return ran;
		},
		get pending() {
			return waiting !== null;
		},
		get scheduled() {
			return scheduled;
		}
	};
}

describe('runWhenIdle', () => {
	it('runs jobs in order, only in idle periods long enough, then calls done once', () => {
		const clock = fakeIdle();
		const ran: number[] = [];
		let done = 0;
		const jobs = [1, 2, 3, 4].map((n) => () => void ran.push(n));
		runWhenIdle(jobs, clock.schedule, { idleMs: 30, done: () => done++ });
		// The short gaps between a scroll's frames: nothing runs, and it keeps waiting.
		clock.idle(10);
		clock.idle(29);
		expect(ran).toEqual([]);
		expect(clock.pending).toBe(true);
		// 50 ms idle, each job using 15 ms of it: two start with at least 30 ms left (50, 35).
		clock.idle(50, 15);
		expect(ran).toEqual([1, 2]);
		expect(done).toBe(0);
		clock.idle(50, 15);
		expect(ran).toEqual([1, 2, 3, 4]);
		expect(done).toBe(1);
		expect(clock.pending).toBe(false);
	});

	it('stops: nothing more runs, done is not called, and the idle callback is cancelled', () => {
		const clock = fakeIdle();
		const ran: number[] = [];
		let done = 0;
		const stop = runWhenIdle(
			[1, 2, 3].map((n) => () => void ran.push(n)),
			clock.schedule,
			{ idleMs: 30, done: () => done++ }
		);
		clock.idle(40, 20);
		expect(ran).toEqual([1]);
		stop();
		expect(clock.pending).toBe(false);
		clock.idle(50);
		expect(ran).toEqual([1]);
		expect(done).toBe(0);
	});

	it('waits while told to (the reader is scrolling), then goes on', () => {
		const clock = fakeIdle();
		const ran: number[] = [];
		let scrolling = true;
		runWhenIdle(
			[1, 2].map((n) => () => void ran.push(n)),
			clock.schedule,
			{ idleMs: 30, wait: () => scrolling }
		);
		// A long idle gap between a slow scroll's frames: still nothing.
		clock.idle(50);
		expect(ran).toEqual([]);
		expect(clock.pending).toBe(true);
		scrolling = false;
		clock.idle(50);
		expect(ran).toEqual([1, 2]);
	});

	it('a job that throws is reported, and the jobs after it still run', () => {
		const clock = fakeIdle();
		const ran: number[] = [];
		const reported: unknown[] = [];
		const error = console.error;
		console.error = (...args: unknown[]) => void reported.push(args[1]);
		try {
			let done = 0;
			const boom = new Error('boom');
			runWhenIdle(
				[
					() => void ran.push(1),
					() => {
						throw boom;
					},
					() => void ran.push(3)
				],
				clock.schedule,
				{ idleMs: 30, done: () => done++ }
			);
			clock.idle(50);
			expect(ran).toEqual([1, 3]);
			expect(reported).toEqual([boom]);
			expect(done).toBe(1);
		} finally {
			console.error = error;
		}
	});

	it('with no jobs, calls done at once and schedules nothing', () => {
		const clock = fakeIdle();
		let done = 0;
		runWhenIdle([], clock.schedule, { done: () => done++ });
		expect(done).toBe(1);
		expect(clock.scheduled).toBe(0);
	});
});
