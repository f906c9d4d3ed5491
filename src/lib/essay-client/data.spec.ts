import { describe, expect, it } from 'vitest';
import type { EssayData } from '$lib/essay';
import { DATA_ID, dataScript, readData } from './data';

const essay = {
	title: 'A </script><script>alert(1)</script> title',
	description: 'd',
	model: {},
	chapters: [{ slug: 'c', title: 'C', steps: [{ id: 's', summary: '<b>x</b> & y' }] }]
} as unknown as EssayData;

/** A document holding just the data element's text, as the browser would parse it. */
function pageWith(html: string) {
	const match = html.match(/^<script type="application\/json" id="([^"]+)">([\s\S]*)<\/script>$/);
	return {
		getElementById: (id: string) =>
			match && id === match[1] ? ({ textContent: match[2] } as HTMLElement) : null
	};
}

describe('the essay data on the page', () => {
	it('is one JSON <script> that no text in the data can close', () => {
		const html = dataScript({ essay, initialStep: 's' });
		expect(html.startsWith(`<script type="application/json" id="${DATA_ID}">`)).toBe(true);
		// The only "<" are those of its own two tags.
		expect(html.match(/</g)).toHaveLength(2);
		expect(html.endsWith('</script>')).toBe(true);
	});

	it('reads back as what was written', () => {
		const html = dataScript({ essay, initialStep: 's' });
		expect(readData(pageWith(html))).toEqual({ essay, initialStep: 's' });
		const top = dataScript({ essay, initialStep: null });
		expect(readData(pageWith(top)).initialStep).toBeNull();
	});

	it('fails with a clear message when missing, malformed or empty', () => {
		expect(() => readData({ getElementById: () => null })).toThrow(/is not on this page/);
		const bad = { getElementById: () => ({ textContent: '{"essay":' }) as HTMLElement };
		expect(() => readData(bad)).toThrow(/is not valid JSON/);
		const empty = dataScript({ essay: { ...essay, chapters: [] }, initialStep: null });
		expect(() => readData(pageWith(empty))).toThrow(/has no chapters/);
	});
});
