// Tests for LateText: it follows its inputs only once they have stopped changing, computing nothing
// while they change.
import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { LateText } from './late.svelte.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A LateText describing an object the test replaces; `computed` counts the descriptions made. */
function describeLater(ms = 250) {
	let input = $state({ n: 1 });
	let computed = 0;
	let late!: LateText;
	const stop = $effect.root(() => {
		late = new LateText(
			() => [input],
			() => {
				computed += 1;
				return `n is ${input.n}`;
			},
			ms
		);
	});
	flushSync();
	return {
		late,
		stop,
		computed: () => computed,
		set(n: number) {
			input = { n };
			flushSync();
		}
	};
}

test('has its first text at once', () => {
	const d = describeLater();
	expect(d.late.current).toBe('n is 1');
	expect(d.computed()).toBe(1);
	d.stop();
});

test('follows a change once nothing else has changed for the delay', () => {
	const d = describeLater(250);
	d.set(2);
	vi.advanceTimersByTime(249);
	expect(d.late.current).toBe('n is 1');
	vi.advanceTimersByTime(1);
	expect(d.late.current).toBe('n is 2');
	d.stop();
});

test('computes nothing during a drag, then once, for where it stopped', () => {
	const d = describeLater(250);
	for (let n = 2; n <= 30; n++) {
		d.set(n);
		vi.advanceTimersByTime(16);
	}
	expect(d.late.current).toBe('n is 1');
	expect(d.computed()).toBe(1);
	vi.advanceTimersByTime(250);
	expect(d.late.current).toBe('n is 30');
	expect(d.computed()).toBe(2);
	d.stop();
});

test('a change back to what it describes cancels the wait', () => {
	let input = $state<{ n: number }>({ n: 1 });
	const first = input;
	let late!: LateText;
	const stop = $effect.root(() => {
		late = new LateText(
			() => [input],
			() => `n is ${input.n}`,
			250
		);
	});
	flushSync();
	input = { n: 5 };
	flushSync();
	input = first;
	flushSync();
	vi.advanceTimersByTime(1000);
	expect(late.current).toBe('n is 1');
	stop();
});

test('stops waiting when its owner goes', () => {
	const d = describeLater(250);
	d.set(2);
	d.stop();
	vi.advanceTimersByTime(1000);
	expect(d.computed()).toBe(1);
});
