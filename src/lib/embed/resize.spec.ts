// Tests for the auto-height protocol, and that the embed's inline script is self-contained.
import { describe, expect, it } from 'vitest';
import { heightMessages, isHeightRequest } from './resize.ts';
import { embedFrame, frameScript } from './frame.ts';

describe('heightMessages', () => {
	it('heightMessages(612.3, null) is the AMP-style embed-size message, rounded up', () => {
		expect(heightMessages(612.3, null)).toEqual([
			{ sentinel: 'amp', type: 'embed-size', height: 613 }
		]);
	});

	it('heightMessages(600, "attention-1") adds the pym.js height message', () => {
		expect(heightMessages(600, 'attention-1')).toEqual([
			{ sentinel: 'amp', type: 'embed-size', height: 600 },
			'pymxPYMxattention-1xPYMxheightxPYMx600'
		]);
	});

	it('heightMessages(-5, null) never announces a negative height', () => {
		expect(heightMessages(-5, null)).toEqual([{ sentinel: 'amp', type: 'embed-size', height: 0 }]);
	});
});

describe('isHeightRequest', () => {
	it('isHeightRequest accepts embed.js’s request', () => {
		expect(isHeightRequest({ sentinel: 'attention-embed', type: 'height-request' }, null)).toBe(
			true
		);
	});

	it('isHeightRequest accepts pym.js’s width message for this child only', () => {
		expect(isHeightRequest('pymxPYMxc1xPYMxwidthxPYMx560', 'c1')).toBe(true);
		expect(isHeightRequest('pymxPYMxc2xPYMxwidthxPYMx560', 'c1')).toBe(false);
		expect(isHeightRequest('pymxPYMxc1xPYMxwidthxPYMx560', null)).toBe(false);
	});

	it('isHeightRequest ignores other messages', () => {
		for (const data of [null, undefined, 3, 'hello', { sentinel: 'amp', type: 'embed-size' }, {}]) {
			expect(isHeightRequest(data, 'c1')).toBe(false);
		}
	});
});

describe('frameScript', () => {
	it('frameScript() is valid JavaScript that calls embedFrame with the protocol functions', () => {
		const script = frameScript();
		expect(() => new Function(script)).not.toThrow();
		expect(script).toContain(String(heightMessages));
		expect(script).toContain(String(isHeightRequest));
		expect(script).not.toContain('</script');
	});

	it('the protocol functions run from their source alone (nothing outside them is referenced)', () => {
		const revive = <T>(fn: T): T => new Function(`return (${String(fn)})`)() as T;
		expect(revive(heightMessages)(10.5, 'x')).toEqual(heightMessages(10.5, 'x'));
		expect(revive(isHeightRequest)('pymxPYMxxxPYMxwidthxPYMx1', 'x')).toBe(true);
	});

	it('embedFrame does nothing on a page without an embed', () => {
		const revived = new Function(`return (${String(embedFrame)})`)() as typeof embedFrame;
		const g = globalThis as unknown as { document?: unknown };
		const before = g.document;
		g.document = { querySelector: () => null };
		try {
			expect(() => revived(heightMessages, isHeightRequest)).not.toThrow();
		} finally {
			g.document = before;
		}
	});
});
