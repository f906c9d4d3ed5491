import { describe, expect, it } from 'vitest';
import { findScroll, slowByStep } from './scroll.ts';

describe('slowByStep', () => {
	it('counts only frames over 20 ms, under the step shown when each ended, most first', () => {
		const frames = [16.7, 33.3, 16.7, 25, 50, 16.7, 20, 21];
		const steps = ['a', 'b', 'b', 'b', 'c', 'c', 'c', 'c'];
		expect(slowByStep(frames, steps)).toEqual([
			{ step: 'b', frames: 2 },
			{ step: 'c', frames: 2 }
		]);
	});

	it('counts frames with no step under a dash, and nothing when no frame is slow', () => {
		expect(slowByStep([40, 16.7], [null, 'a'])).toEqual([{ step: '—', frames: 1 }]);
		expect(slowByStep([16.7, 20], ['a', 'b'])).toEqual([]);
	});
});

describe('findScroll', () => {
	const runs = [
		{ cpuThrottling: 4, scriptsBlocked: false, reducedMotion: true },
		{ cpuThrottling: 4, scriptsBlocked: true, reducedMotion: false },
		{ cpuThrottling: 1, scriptsBlocked: false, reducedMotion: false },
		{ cpuThrottling: 4, scriptsBlocked: false, reducedMotion: false }
	];

	it('reads the targets from the run with motion on, not from one listed before it', () => {
		expect(findScroll(runs, 4, 'motion')).toBe(runs[3]);
		expect(findScroll(runs, 1, 'motion')).toBe(runs[2]);
	});

	it('finds the reduced-motion and scripts-blocked runs apart, and nothing that did not run', () => {
		expect(findScroll(runs, 4, 'reduced motion')).toBe(runs[0]);
		expect(findScroll(runs, 4, 'scripts blocked')).toBe(runs[1]);
		expect(findScroll(runs, 1, 'reduced motion')).toBeUndefined();
	});
});
