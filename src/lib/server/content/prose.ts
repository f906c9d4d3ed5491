// The essay's rendered prose for server rendering only (see `virtual:essay-prose` in vite.config.ts).
import { loadContent } from './index.ts';

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
		for (const step of chapter.steps) out[step.id] = step.html;
	}
	last = { manifest, prose: out };
	return out;
}

/** Prose HTML keyed by `opening`, `intro:<chapter>` and step id; `mathCss` is MathJax's <style>. */
export const prose: Record<string, string> = new Proxy({} as Record<string, string>, {
	get: (_target, key) => (typeof key === 'string' ? collect()[key] : undefined)
});
