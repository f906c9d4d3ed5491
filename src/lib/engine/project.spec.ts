// Tests for projecting token embeddings through a weight matrix.
import { describe, expect, test } from 'vitest';
import { project } from './project.ts';

describe('project', () => {
	test('project(X, W) maps each token row [x, y] to [x, y, x + y]', () => {
		const X = [
			[1, 2],
			[3, 4],
			[5, 6]
		];
		const W = [
			[1, 0, 1],
			[0, 1, 1]
		];
		expect(project(X, W)).toEqual([
			[1, 2, 3],
			[3, 4, 7],
			[5, 6, 11]
		]);
	});

	test('project([], W) is [] (no tokens)', () => {
		expect(project([], [[1, 2]])).toEqual([]);
	});

	test('project throws when W has the wrong number of rows', () => {
		expect(() => project([[1, 2, 3]], [[1], [2]])).toThrow(/cannot multiply 1×3 by 2×1/);
	});
});
