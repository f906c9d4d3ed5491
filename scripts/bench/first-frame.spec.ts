import { describe, expect, it } from 'vitest';
import { firstFrameOf, type TraceEvent } from './first-frame.ts';

const MAIN = { pid: 1, tid: 7 };
const OTHER = { pid: 2, tid: 9 };

/** A complete ('X') event on a thread, times in ms (the trace's are µs). */
const span = (name: string, at: number, dur: number, thread = MAIN, args?: TraceEvent['args']) => ({
	name,
	ph: 'X',
	ts: at * 1000,
	dur: dur * 1000,
	...thread,
	args
});
/** An instant mark on the main thread, at `at` ms. */
const mark = (name: string, at: number) => ({ name, ph: 'R', ts: at * 1000, ...MAIN });

const threads: TraceEvent[] = [
	{ name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
	{ name: 'thread_name', ph: 'M', ts: 0, ...OTHER, args: { name: 'CrRendererMain' } }
];

describe('firstFrameOf', () => {
	it('sums the tasks from navigation start to first contentful paint and splits the longest', () => {
		const events: TraceEvent[] = [
			...threads,
			span('RunTask', 1, 4), // before navigationStart: not counted
			mark('navigationStart', 10),
			span('RunTask', 11, 1), // an empty screen painted first
			span('Paint', 11.5, 0.1),
			span('RunTask', 12, 30),
			span('ThreadControllerImpl::RunTask', 12, 30), // a wrapper of the same task
			span('RunTask', 13, 20), // nested in the task above: not a task of its own
			span('RunTask', 50, 10),
			span('ParseHTML', 51, 8),
			span('RunTask', 70, 90),
			span('UpdateLayoutTree', 70, 20),
			span('Layout', 90, 50, MAIN, { beginData: { totalObjects: 300, dirtyObjects: 300 } }),
			span('Paint', 141, 6),
			span('Commit', 150, 5),
			mark('firstContentfulPaint', 180),
			span('RunTask', 190, 400), // after the paint: not counted
			span('Layout', 200, 30, MAIN, { beginData: { totalObjects: 900 } }),
			span('RunTask', 0, 500, OTHER) // a quieter renderer's thread
		];
		expect(firstFrameOf(events)).toEqual({
			tasks: { count: 4, ms: 131 },
			longest: { ms: 90, style: 20, layout: 50, paint: 6, commit: 5, objects: 300 }
		});
	});

	it('takes the busiest renderer main thread, and counts from the start without navigationStart', () => {
		const events: TraceEvent[] = [
			...threads,
			span('RunTask', 0, 50, OTHER),
			span('Layout', 1, 40, OTHER),
			span('RunTask', 3, 7),
			span('RunTask', 20, 15),
			span('Layout', 21, 12, MAIN, { beginData: { totalObjects: 40 } }),
			span('Paint', 33, 1),
			mark('firstContentfulPaint', 40)
		];
		expect(firstFrameOf(events)).toEqual({
			tasks: { count: 2, ms: 22 },
			longest: { ms: 15, style: 0, layout: 12, paint: 1, commit: 0, objects: 40 }
		});
	});

	it('is null without a contentful paint', () => {
		expect(
			firstFrameOf([...threads, span('RunTask', 0, 5), span('Layout', 1, 3), span('Paint', 4, 1)])
		).toBeNull();
	});
});
