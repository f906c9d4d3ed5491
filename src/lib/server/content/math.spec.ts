// renderTex and mathGlyphs: formulas refer to shared glyph shapes, and a page carries each one once.
import { describe, expect, it } from 'vitest';
import { mathGlyphs, renderTex } from './math.ts';

const refs = (html: string) => [...html.matchAll(/xlink:href="#([^"]+)"/g)].map((m) => m[1]);

describe('renderTex(tex, display)', () => {
	it('draws glyphs by reference, with no glyph shapes of its own, and keeps the MathML', () => {
		const html = renderTex('q \\cdot k', false);
		expect(refs(html).length).toBeGreaterThan(0);
		expect(html).not.toContain('<path');
		expect(html).toContain('<mjx-assistive-mml');
	});
});

describe('mathGlyphs(html)', () => {
	it('defines every glyph the formulas use, once each, in a hidden SVG', () => {
		const formulas = [renderTex('q \\cdot k', false), renderTex('\\sqrt{d_k} + q', true)];
		const glyphs = mathGlyphs(formulas);
		const used = new Set(formulas.flatMap(refs));
		const defined = [...glyphs.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
		expect(new Set(defined)).toEqual(used);
		expect(defined.length).toBe(used.size);
		expect(glyphs).toMatch(/^<svg [^>]*aria-hidden="true"[^>]*style="display: none"/);
	});

	it('is empty when there is no math', () => {
		expect(mathGlyphs(['<p>No formulas here.</p>'])).toBe('');
	});

	it('fails on a glyph no formula was typeset with', () => {
		expect(() => mathGlyphs(['<use xlink:href="#MJX-TEX-I-NOPE"></use>'])).toThrow(
			/MJX-TEX-I-NOPE/
		);
	});
});
