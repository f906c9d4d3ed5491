// Tests for the redirect map: old step addresses resolve, and the map is checked against the essay.
import { describe, expect, it } from 'vitest';
import { loadContent } from './server/content/index.ts';
import { REDIRECTS, checkRedirects, findRedirect, isOldStep, parseRedirects } from './redirects.ts';

const manifest = {
	chapters: [
		{ slug: 'hot-dog', steps: [{ id: 'softmax' }, { id: 'scale-by-root-dk' }] },
		{ slug: 'mole', steps: [{ id: 'three-arrows' }] }
	]
} as unknown as Parameters<typeof checkRedirects>[0];

describe('findRedirect', () => {
	const map = { 'hot-dog/scaling': 'hot-dog/scale-by-root-dk' };

	it('findRedirect("hot-dog", "scaling", map) gives the current address', () => {
		expect(findRedirect('hot-dog', 'scaling', map)).toEqual({
			chapter: 'hot-dog',
			step: 'scale-by-root-dk'
		});
	});

	it('findRedirect is undefined for a live step, and for an old id in another chapter', () => {
		expect(findRedirect('hot-dog', 'softmax', map)).toBeUndefined();
		expect(findRedirect('mole', 'scaling', map)).toBeUndefined();
	});

	it('isOldStep(step) matches the step part of old addresses only', () => {
		expect(isOldStep('scaling', map)).toBe(true);
		expect(isOldStep('scale', map)).toBe(false);
		expect(isOldStep('softmax', map)).toBe(false);
	});
});

describe('checkRedirects', () => {
	it('checkRedirects(manifest, map) returns the parsed redirects when every target exists', () => {
		expect(
			checkRedirects(manifest, {
				'hot-dog/scaling': 'hot-dog/scale-by-root-dk',
				'moles/three': 'mole/three-arrows'
			})
		).toEqual([
			{
				from: { chapter: 'hot-dog', step: 'scaling' },
				to: { chapter: 'hot-dog', step: 'scale-by-root-dk' }
			},
			{ from: { chapter: 'moles', step: 'three' }, to: { chapter: 'mole', step: 'three-arrows' } }
		]);
	});

	it('checkRedirects throws when a target does not exist, and suggests following a later rename', () => {
		expect(() => checkRedirects(manifest, { 'hot-dog/a': 'hot-dog/nowhere' })).toThrow(
			'redirect hot-dog/a → hot-dog/nowhere: there is no step hot-dog/nowhere'
		);
		expect(() =>
			checkRedirects(manifest, {
				'hot-dog/a': 'hot-dog/b',
				'hot-dog/b': 'hot-dog/softmax'
			})
		).toThrow('it was renamed to hot-dog/softmax: point there instead');
	});

	it('checkRedirects throws when an old id is a step id in use again', () => {
		expect(() => checkRedirects(manifest, { 'mole/softmax': 'mole/three-arrows' })).toThrow(
			'"softmax" is a step id in use'
		);
	});

	it('parseRedirects throws on an address that is not "chapter/step"', () => {
		expect(() => parseRedirects({ 'hot-dog': 'hot-dog/softmax' })).toThrow(
			'must be "chapter/step"'
		);
		expect(() => parseRedirects({ 'a/b': 'a/b/c' })).toThrow('must be "chapter/step"');
	});

	it('the published REDIRECTS map is valid for the essay in content/', () => {
		expect(() => checkRedirects(loadContent().manifest, REDIRECTS)).not.toThrow();
	});
});
