// The essay's rendered prose for server rendering only (see `virtual:essay-prose` in vite.config.ts).
import { loadContent } from './index.ts';
import { figureHtml as renderFigure, figureTableHtml } from '../figure-svg.ts';
import { mathGlyphs } from './math.ts';

let last: { manifest: unknown; prose: Record<string, string> } | undefined;

function collect(): Record<string, string> {
	const { manifest } = loadContent();
	if (last?.manifest === manifest) return last.prose;
	const out: Record<string, string> = {
		opening: manifest.opening,
		mathCss: `<style>${manifest.mathCss}</style>`
	};
	for (const chapter of manifest.chapters) {
		out[`intro:${chapter.slug}`] = chapter.intro;
		for (const step of chapter.steps) {
			out[step.id] = step.html;
			out[`figure:${step.id}`] = renderFigure(loadContent().model, chapter, step);
			out[`table:${step.id}`] = figureTableHtml(loadContent().model, chapter, step);
		}
	}
	out.mathGlyphs = mathGlyphs(Object.values(out));
	last = { manifest, prose: out };
	return out;
}

// Render everything when the server code loads, not in the middle of rendering a page.
collect();

/**
 * Prose HTML keyed by `opening`, `intro:<chapter>` and step id; `mathCss` is MathJax's <style>;
 * `mathGlyphs` is the hidden SVG of glyph shapes the prose's formulas draw with (once per page);
 * `figure:<step id>` is that step's figure, prerendered (the page swaps in a live one later);
 * `table:<step id>` is a grid step's numbers as a hidden table, for the no-JS essay ('' otherwise).
 */
export const prose: Record<string, string> = new Proxy({} as Record<string, string>, {
	get: (_target, key) => (typeof key === 'string' ? collect()[key] : undefined)
});
