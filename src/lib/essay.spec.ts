// The names of stages, as titles, captions, previews and screen readers show them: plain text.
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES, stepTitle } from './essay.ts';

describe('STAGE_NAMES', () => {
	it('names every stage in plain text, with no TeX left in it (d_k, ^2, backslashes, $)', () => {
		for (const [stage, name] of Object.entries(STAGE_NAMES)) {
			expect(name, stage).not.toMatch(/[_^\\$]/);
			expect(name.trim(), stage).toBe(name);
		}
		expect(STAGE_NAMES.scale).toBe('Scaling by √dₖ');
	});

	it('gives a step title its chapter, place and stage', () => {
		const chapter = {
			title: 'Hot dog',
			steps: [
				{ id: 'a', state: { stage: 'embedding' } },
				{ id: 'b', state: { stage: 'scale' } }
			]
		} as unknown as Parameters<typeof stepTitle>[0];
		expect(stepTitle(chapter, 'b')).toBe('Hot dog, step 2 of 2: Scaling by √dₖ');
		expect(stepTitle(chapter, 'nope')).toBe('Hot dog');
	});
});
