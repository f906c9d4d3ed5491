// Tests that the parameters view shows the engine's GPT-3 count, and that it matches the essay's facts.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { GPT3, GPT3_TOTAL_PARAMETERS, countAttentionParameters } from '$lib/engine/index.ts';
import Parameters from './Parameters.svelte';
import { formatCount, SCALE_INSET, SCALE_WIDTH } from './scale-views.ts';
import { withoutBands } from './test-helpers.ts';

const { body } = render(Parameters, { props: {} });
/** The visible text, tags removed. */
const text = body.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, '');
const count = countAttentionParameters(GPT3);

describe('Parameters', () => {
	it('shows every number countAttentionParameters(GPT3) returns', () => {
		for (const value of [count.perMatrix, count.perHead, count.perBlock, count.total]) {
			expect(text).toContain(formatCount(value));
			expect(body).toContain(`data-value="${value}"`);
		}
		expect(text).toContain(formatCount(count.fullValueMatrix));
		expect(text).toContain(formatCount(2 * count.perMatrix));
	});

	it('agrees with the essay’s facts, derived here independently', () => {
		const perMatrix = 12288 * 128;
		const perHead = 4 * perMatrix;
		const perBlock = 96 * perHead;
		const total = 96 * perBlock;
		expect([perMatrix, perHead, perBlock, total]).toEqual([
			1_572_864, 6_291_456, 603_979_776, 57_982_058_496
		]);
		for (const written of ['1,572,864', '6,291,456', '603,979,776', '57,982,058,496']) {
			expect(text).toContain(written);
		}
		expect(text).toContain('12,288 × 128');
		expect(text).toContain('× 4 per head');
		expect(text).toContain('× 96 heads per block');
		expect(text).toContain('× 96 layers');
		// A full square value matrix: 12,288² ≈ 151 million.
		expect(text).toContain((12288 ** 2).toLocaleString('en-US'));
		expect(text).toContain('≈ 6.3 million');
		expect(text).toContain('≈ 58 billion');
	});

	it('gives attention about a third of the 175 billion', () => {
		expect(GPT3_TOTAL_PARAMETERS).toBe(175e9);
		const share = (12288 * 128 * 4 * 96 * 96) / 175e9;
		expect(share).toBeGreaterThan(0.3);
		expect(share).toBeLessThan(0.35);
		expect(text).toContain('175 billion');
		expect(text).toContain(`attention ≈ ${Math.round(share * 100)}%`);
	});

	it('says how much smaller the factored value map is', () => {
		expect(text).toContain(`${(12288 ** 2 / (2 * 12288 * 128)).toString()} × fewer`);
	});

	it('draws a square per head, twice (a block, and the deck of layers), on a grid', () => {
		for (const dims of [GPT3, { ...GPT3, headsPerBlock: 8 }]) {
			const drawn = render(Parameters, { props: { dims } }).body;
			const glyphs = [
				...drawn.matchAll(/<path class="sv-fill-muted" data-heads="(\d+)" d="([^"]*)"/g)
			];
			expect(glyphs).toHaveLength(2);
			for (const [, declared, d] of glyphs) {
				const squares = [...d.matchAll(/M(\d+) (\d+)h4v4h-4z/g)].map((m) => `${m[1]},${m[2]}`);
				expect(d.match(/M/g)).toHaveLength(squares.length);
				expect(squares).toHaveLength(dims.headsPerBlock);
				expect(Number(declared)).toBe(dims.headsPerBlock);
				// No two heads in one place.
				expect(new Set(squares).size).toBe(squares.length);
			}
		}
	});

	it('fits in the 400 × 400 figure', () => {
		const xs = [...withoutBands(body).matchAll(/\bx="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
		expect(Math.max(...xs)).toBeLessThanOrEqual(SCALE_WIDTH);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
	});

	it('counts other models from their dimensions', () => {
		const dims = { embeddingSize: 512, keySize: 64, headsPerBlock: 8, layers: 6 };
		const other = render(Parameters, { props: { dims, total: 65e6, model: 'a small model' } });
		expect(other.body).toContain(formatCount(countAttentionParameters(dims).total));
		expect(other.body).toContain('Attention parameters in a small model');
	});
});

/** The classes on the opening tag of the first element matching `open`. */
function classesOf(body: string, open: RegExp): string[] {
	const tag = open.exec(body)?.[0];
	expect(tag).toBeDefined();
	return (/class="([^"]*)"/.exec(tag ?? '')?.[1] ?? '').split(' ');
}
const part = (body: string, id: string) =>
	['matrix', 'head', 'block', 'model'].includes(id)
		? classesOf(body, new RegExp(`<g class="sv-param-row[^"]*" data-row="${id}"[^>]*>`))
		: classesOf(body, new RegExp(`<g class="sv-${id}[ "][^>]*>`));
/** What a part carries: 'emph', 'dim' or '' (drawn as it is). */
const tone = (body: string, id: string) => {
	const c = part(body, id);
	return c.includes('sv-emph') ? 'emph' : c.includes('sv-dim') ? 'dim' : '';
};
/** The emphasis bands (drawn in the figure's own coordinates). */
const bands = (body: string) =>
	[
		...body.matchAll(
			/class="sv-emph-band" x="(-?[\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g
		)
	].map((m) => ({ x: +m[1], y: +m[2], width: +m[3], height: +m[4] }));

describe('Parameters focus', () => {
	const view = (focus: string | null) => render(Parameters, { props: { focus } }).body;
	const parts = ['matrix', 'head', 'block', 'model', 'share', 'compare'];
	const expected: Record<string, Record<string, string>> = {
		// One matrix and the four of a head; the rest dimmed.
		head: {
			matrix: 'emph',
			head: 'emph',
			block: 'dim',
			model: 'dim',
			share: 'dim',
			compare: 'dim'
		},
		// × 96 heads, × 96 layers and the third of the model they make.
		model: {
			matrix: 'dim',
			head: 'dim',
			block: 'emph',
			model: 'emph',
			share: 'emph',
			compare: 'dim'
		},
		// The square value matrix against down + up; one head's cost stays as the yardstick.
		value: { matrix: 'dim', head: '', block: 'dim', model: 'dim', share: 'dim', compare: 'emph' }
	};

	for (const [focus, tones] of Object.entries(expected)) {
		it(`${focus}: emphasises ${parts.filter((p) => tones[p] === 'emph').join(', ')}`, () => {
			const out = view(focus);
			expect(Object.fromEntries(parts.map((p) => [p, tone(out, p)]))).toEqual(tones);
			// One band behind each emphasised part.
			expect(bands(out)).toHaveLength(parts.filter((p) => tones[p] === 'emph').length);
		});
	}

	it('draws a different figure for each focus, and keeps every number', () => {
		const bodies = ['head', 'model', 'value'].map(view);
		expect(new Set(bodies).size).toBe(3);
		for (const out of bodies) {
			expect(out).not.toBe(body);
			for (const value of [count.perMatrix, count.perHead, count.perBlock, count.total]) {
				expect(out).toContain(`data-value="${value}"`);
			}
		}
	});

	it('draws everything alike with no focus, or a focus of another view', () => {
		expect(body).not.toMatch(/\bsv-(emph|dim)\b/);
		expect(view('parallel')).toBe(body);
	});

	it('keeps every focus inside the 400 × 400 figure, bands apart', () => {
		for (const focus of ['head', 'model', 'value']) {
			const out = view(focus);
			const xs = [...withoutBands(out).matchAll(/\bx="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
			expect(Math.max(...xs)).toBeLessThanOrEqual(SCALE_WIDTH);
			expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
			const found = bands(out).sort((a, b) => a.y - b.y);
			for (const [i, b] of found.entries()) {
				expect(b.x + b.width).toBeLessThanOrEqual(SCALE_WIDTH + SCALE_INSET);
				expect(b.y).toBeGreaterThanOrEqual(0);
				expect(b.y + b.height).toBeLessThanOrEqual(400);
				if (i > 0) expect(found[i - 1].y + found[i - 1].height).toBeLessThanOrEqual(b.y);
			}
		}
	});
});
