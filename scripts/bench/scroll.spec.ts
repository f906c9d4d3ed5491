import { describe, expect, it } from 'vitest';
import { slowByStep } from './scroll.ts';

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
