// Tests that the prose ahead of the reader is rendered in idle time, nearest first, and only when
// an idle period has room for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_IDLE_MS, layOutAhead, type Deadline, type IdleScheduler } from './ahead.ts';

/** A prose block at `top` (viewport px), 300 px tall, recording when it is laid out. */
function block(name: string, top: number, rendered: string[], visible = false) {
	return {
		name,
		style: { contentVisibility: visible ? 'visible' : '' },
		getBoundingClientRect: () => ({ top, bottom: top + 300 }),
		get offsetHeight() {
			rendered.push(name);
			return 300;
		}
	};
}

/** Idle periods on demand, each with the time left given. */
function idlePeriods() {
	const waiting = new Map<number, (d: Deadline) => void>();
	let next = 1;
	const scheduler: IdleScheduler = {
		request: (run) => (waiting.set(next, run), next++),
		cancel: (id) => void waiting.delete(id)
	};
	/** Run the pending callback in an idle period with `ms` left for each check. */
	const period = (...left: number[]) => {
		const [[id, run]] = [...waiting];
		waiting.delete(id);
		run({ timeRemaining: () => left.shift() ?? 0 });
	};
	return { scheduler, period, pending: () => waiting.size };
}

describe('layOutAhead', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('renders the blocks below the viewport, nearest first, and leaves those above alone', () => {
		vi.stubGlobal('getComputedStyle', (b: { style: { contentVisibility: string } }) => b.style);
		const rendered: string[] = [];
		const blocks = [
			block('a', -1200, rendered),
			block('c', -400, rendered),
			block('d', -100, rendered), // on screen, its top above the viewport: rendered already
			block('e', 500, rendered),
			block('f', 1200, rendered, true), // rendered for good already (e.g. by a jump): skipped
			block('g', 1900, rendered)
		];
		const idle = idlePeriods();
		layOutAhead(blocks as unknown as HTMLElement[], idle.scheduler);
		expect(rendered).toEqual([]); // nothing before an idle period
		idle.period(50, 50, 50, 50, 50, 50);
		expect(rendered).toEqual(['e', 'g']);
		expect(blocks.map((b) => b.style.contentVisibility)).toEqual([
			'',
			'',
			'',
			'visible',
			'visible',
			'visible'
		]);
		expect(idle.pending()).toBe(0);
	});

	it('skips a block the reader has scrolled past before its turn', () => {
		vi.stubGlobal('getComputedStyle', (b: { style: { contentVisibility: string } }) => b.style);
		const rendered: string[] = [];
		let scrolled = 0;
		const moving = (name: string, top: number) =>
			Object.assign(block(name, top, rendered), {
				getBoundingClientRect: () => ({ top: top - scrolled, bottom: top - scrolled + 300 })
			});
		const blocks = [moving('a', 200), moving('b', 900), moving('c', 1600)];
		const idle = idlePeriods();
		layOutAhead(blocks as unknown as HTMLElement[], idle.scheduler);
		idle.period(MIN_IDLE_MS, 0);
		expect(rendered).toEqual(['a']);
		scrolled = 1000; // b is now above the viewport, c below it
		idle.period(50, 50, 50);
		expect(rendered).toEqual(['a', 'c']);
		expect(blocks[1].style.contentVisibility).toBe('');
	});

	it('renders a block only with enough idle time left, and waits for the next period otherwise', () => {
		vi.stubGlobal('getComputedStyle', (b: { style: { contentVisibility: string } }) => b.style);
		const rendered: string[] = [];
		const blocks = [
			block('a', 100, rendered),
			block('b', 900, rendered),
			block('c', 1700, rendered)
		];
		const idle = idlePeriods();
		layOutAhead(blocks as unknown as HTMLElement[], idle.scheduler);
		idle.period(MIN_IDLE_MS - 1);
		expect(rendered).toEqual([]);
		idle.period(MIN_IDLE_MS, MIN_IDLE_MS - 0.5);
		expect(rendered).toEqual(['a']);
		idle.period(30, 20, 1);
		expect(rendered).toEqual(['a', 'b', 'c']);
		expect(idle.pending()).toBe(0);
	});

	it('stops when asked, and does nothing without idle callbacks', () => {
		vi.stubGlobal('getComputedStyle', (b: { style: { contentVisibility: string } }) => b.style);
		const rendered: string[] = [];
		const blocks = [block('a', 100, rendered), block('b', 900, rendered)];
		const idle = idlePeriods();
		const stop = layOutAhead(blocks as unknown as HTMLElement[], idle.scheduler);
		idle.period(MIN_IDLE_MS, 0);
		stop();
		expect(idle.pending()).toBe(0);
		expect(rendered).toEqual(['a']);
		expect(layOutAhead(blocks as unknown as HTMLElement[], null)()).toBeUndefined();
		expect(rendered).toEqual(['a']);
	});
});
