import { describe, expect, it } from 'vitest';
import { keyDelta } from './controller';

/** A key event as the handler sees it; `inField` puts its target in a text field. */
function key(k: string, extra: Partial<KeyboardEvent> = {}, inField = false): KeyboardEvent {
	const target = {
		closest: (selector: string) => (inField && selector.includes('input') ? {} : null)
	};
	return { key: k, target, defaultPrevented: false, ...extra } as unknown as KeyboardEvent;
}

describe('keyDelta', () => {
	it('moves one step on with J or N and one back with K or P, in either case', () => {
		expect(['j', 'J', 'n', 'N'].map((k) => keyDelta(key(k)))).toEqual([1, 1, 1, 1]);
		expect(['k', 'K', 'p', 'P'].map((k) => keyDelta(key(k)))).toEqual([-1, -1, -1, -1]);
	});

	it('ignores other keys, modified keys, handled keys and typing in a field', () => {
		expect(keyDelta(key('x'))).toBe(0);
		expect(keyDelta(key('ArrowDown'))).toBe(0);
		expect(keyDelta(key('j', { ctrlKey: true }))).toBe(0);
		expect(keyDelta(key('j', { metaKey: true }))).toBe(0);
		expect(keyDelta(key('j', { altKey: true }))).toBe(0);
		expect(keyDelta(key('j', { defaultPrevented: true }))).toBe(0);
		expect(keyDelta(key('j', {}, true))).toBe(0);
	});
});
