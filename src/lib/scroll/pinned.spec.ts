import { describe, expect, it } from 'vitest';
import { LAID_OUT_AHEAD, openAtStep, PINNED } from './pinned';

/** The body of one of the inline scripts, run with the page's globals stubbed. */
function run(script: string, globals: Record<string, unknown>) {
	const body = script.replace(/^<script>/, '').replace(/<\/script>$/, '');
	const names = Object.keys(globals);
	new Function(...names, body)(...names.map((name) => globals[name]));
}

/** Prose blocks of the given heights, recording which ones get laid out. */
function blocks(heights: number[]) {
	return heights.map((height) => {
		const classes = new Set<string>();
		return { offsetHeight: height, classList: { add: (c: string) => classes.add(c) }, classes };
	});
}

describe('openAtStep', () => {
	it('gives two complete scripts, with the step id as a JSON string', () => {
		const { before, after } = openAtStep('a"b</script>');
		for (const script of [before, after]) {
			expect(script.startsWith('<script>')).toBe(true);
			expect(script.endsWith('</script>')).toBe(true);
		}
		expect(before.match(/<\/script>/g)).toHaveLength(1);
		expect(after.match(/<\/script>/g)).toHaveLength(1);
		expect(after).toContain('getElementById("a\\"b\\u003c/script>")');
	});

	it('lays out the prose above, nearest first, until it fills the window above the step and more', () => {
		const innerHeight = 800;
		const heights = [500, 500, 300, 300, 300];
		const laidOut = (wide: boolean) => {
			const list = blocks(heights);
			run(openAtStep('s').before, {
				location: { hash: '' },
				document: { querySelectorAll: () => list },
				matchMedia: () => ({ matches: wide }),
				innerHeight
			});
			return list.map((b) => b.classes.has('laid-out'));
		};
		// A phone: the step sits half way down, and LAID_OUT_AHEAD more makes 1,200 px. 300 + 300 +
		// 300 is short of it, the next 500 passes it, the first block is left.
		expect((PINNED.narrow + LAID_OUT_AHEAD) * innerHeight).toBe(1200);
		expect(laidOut(false)).toEqual([false, true, true, true, true]);
		// A wide screen: the step sits near the top; 896 px: three blocks (900 px) fill it.
		expect((PINNED.wide + LAID_OUT_AHEAD) * innerHeight).toBeCloseTo(896);
		expect(laidOut(true)).toEqual([false, false, true, true, true]);
	});

	it('leaves the page alone when the address has a #fragment', () => {
		const list = blocks([100, 100]);
		let scrolled = false;
		const globals = {
			location: { hash: '#softmax' },
			document: { querySelectorAll: () => list, getElementById: () => ({}) },
			matchMedia: () => ({ matches: true }),
			innerHeight: 800,
			scrollY: 0,
			scrollTo: () => (scrolled = true)
		};
		run(openAtStep('s').before, globals);
		run(openAtStep('s').after, globals);
		expect(list.some((b) => b.classes.size > 0)).toBe(false);
		expect(scrolled).toBe(false);
	});

	it('scrolls the step to where a jump puts it: near the top beside the figure, under it on phones', () => {
		for (const [wide, pinned] of [
			[true, PINNED.wide],
			[false, PINNED.narrow]
		] as const) {
			let to = -1;
			run(openAtStep('s').after, {
				location: { hash: '' },
				document: { getElementById: () => ({ getBoundingClientRect: () => ({ top: 5000 }) }) },
				matchMedia: () => ({ matches: wide }),
				innerHeight: 1000,
				scrollY: 200,
				scrollTo: (_x: number, y: number) => (to = y)
			});
			expect(to).toBeCloseTo(5200 - pinned * 1000);
		}
	});
});
