// Tests for whenStill: work waits for a pause in scrolling, runs once, and can be cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenStill } from './still.ts';

describe('whenStill', () => {
	let target: EventTarget;
	const scroll = () => target.dispatchEvent(new Event('scroll'));
	/** A frame that comes at once, with no scroll in it. */
	const frame = (callback: () => void) => callback();

	beforeEach(() => {
		vi.useFakeTimers();
		target = new EventTarget();
	});
	afterEach(() => vi.useRealTimers());

	it('runs after the quiet time when nothing scrolls', () => {
		const run = vi.fn();
		whenStill(run, { quietMs: 200, target, frame });
		vi.advanceTimersByTime(199);
		expect(run).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('waits while scroll events keep coming, then runs once', () => {
		const run = vi.fn();
		whenStill(run, { quietMs: 200, target, frame });
		for (let i = 0; i < 20; i++) {
			vi.advanceTimersByTime(100);
			scroll();
		}
		expect(run).not.toHaveBeenCalled();
		vi.advanceTimersByTime(200);
		expect(run).toHaveBeenCalledTimes(1);
		// It has stopped listening: later scrolls do not run it again.
		scroll();
		vi.advanceTimersByTime(1000);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('checks again in the next frame: a scroll delivered with that frame keeps it waiting', () => {
		// Frames slower than the quiet time: the reader's scroll reaches the page only with the frame.
		const frames: (() => void)[] = [];
		const run = vi.fn();
		whenStill(run, { quietMs: 200, target, frame: (f) => void frames.push(f) });
		vi.advanceTimersByTime(200);
		expect(frames).toHaveLength(1);
		// The frame comes: its scroll events fire first, then its callbacks.
		scroll();
		frames.shift()!();
		expect(run).not.toHaveBeenCalled();
		// Quiet from then on: the next timer's frame runs it.
		vi.advanceTimersByTime(200);
		expect(frames).toHaveLength(1);
		frames.shift()!();
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('does not run when cancelled between its timer and its frame', () => {
		const frames: (() => void)[] = [];
		const run = vi.fn();
		const cancel = whenStill(run, { quietMs: 200, target, frame: (f) => void frames.push(f) });
		vi.advanceTimersByTime(200);
		cancel();
		frames.forEach((f) => f());
		expect(run).not.toHaveBeenCalled();
	});

	it('does not run once cancelled', () => {
		const run = vi.fn();
		const cancel = whenStill(run, { quietMs: 200, target, frame });
		vi.advanceTimersByTime(100);
		cancel();
		scroll();
		vi.advanceTimersByTime(1000);
		expect(run).not.toHaveBeenCalled();
	});
});
