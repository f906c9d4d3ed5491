// Tests for whenStill: work waits for a pause in scrolling, runs once, and can be cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenStill } from './still.ts';

describe('whenStill', () => {
	let target: EventTarget;
	const scroll = () => target.dispatchEvent(new Event('scroll'));

	beforeEach(() => {
		vi.useFakeTimers();
		target = new EventTarget();
	});
	afterEach(() => vi.useRealTimers());

	it('runs after the quiet time when nothing scrolls', () => {
		const run = vi.fn();
		whenStill(run, { quietMs: 200, target });
		vi.advanceTimersByTime(199);
		expect(run).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(run).toHaveBeenCalledTimes(1);
	});

	it('waits while scroll events keep coming, then runs once', () => {
		const run = vi.fn();
		whenStill(run, { quietMs: 200, target });
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

	it('does not run once cancelled', () => {
		const run = vi.fn();
		const cancel = whenStill(run, { quietMs: 200, target });
		vi.advanceTimersByTime(100);
		cancel();
		scroll();
		vi.advanceTimersByTime(1000);
		expect(run).not.toHaveBeenCalled();
	});
});
