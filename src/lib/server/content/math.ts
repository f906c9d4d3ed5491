// Typesets TeX to SVG with MathJax at build time, so readers get finished math and no MathJax code.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AssistiveMmlHandler } from 'mathjax-full/js/a11y/assistive-mml.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';

/**
 * Role colours are written in TeX as sentinel RGB colours, then swapped for CSS classes, so the
 * same query/key/value colours (and their dark-mode variants) apply in formulas, figures and prose.
 */
const ROLES = {
	qry: { rgb: '1,2,3', hex: '#010203', className: 'tex-q' },
	key: { rgb: '1,2,4', hex: '#010204', className: 'tex-k' },
	val: { rgb: '1,2,5', hex: '#010205', className: 'tex-v' }
} as const;

/** A TeX error, with MathJax's own description of what is wrong. */
export class TexError extends Error {}

type MathDoc = ReturnType<typeof mathjax.document>;
let state:
	| {
			adaptor: ReturnType<typeof liteAdaptor>;
			doc: MathDoc;
			css: string;
			/** Glyph id (e.g. `MJX-TEX-I-1D45E`) → its SVG path data, for every glyph typeset so far. */
			glyphs: () => Map<string, string>;
	  }
	| undefined;

function setup() {
	if (state) return state;
	const adaptor = liteAdaptor();
	AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
	const macros: Record<string, [string, number]> = {};
	for (const [name, role] of Object.entries(ROLES)) {
		macros[name] = [`{\\color[RGB]{${role.rgb}}{#1}}`, 1];
	}
	const tex = new TeX({
		// noundefined would draw unknown macros in red instead of failing the build.
		packages: AllPackages.filter((p) => p !== 'noundefined' && p !== 'bussproofs'),
		macros,
		formatError: (_jax: unknown, err: { message: string }) => {
			throw new TexError(err.message);
		}
	});
	// 'global': each formula refers to its glyphs with <use>, and the page carries each glyph's path
	// once (see mathGlyphs), instead of every formula carrying its own copies.
	const svg = new SVG({ fontCache: 'global' });
	const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });
	const css = adaptor.textContent(svg.styleSheet(doc) as never);
	// MathJax keeps its cache protected; read it rather than re-parse the <defs> it builds.
	const glyphs = () => (svg.fontCache as unknown as { cache: Map<string, string> }).cache;
	state = { adaptor, doc, css, glyphs };
	return state;
}

/**
 * Render TeX to an SVG string (with hidden MathML for screen readers).
 * @throws TexError when the TeX is malformed or uses an unknown command.
 */
export function renderTex(tex: string, display: boolean): string {
	const { adaptor, doc } = setup();
	let html: string;
	try {
		html = adaptor.outerHTML(doc.convert(tex, { display }) as never);
	} catch (e) {
		if (e instanceof TexError) throw e;
		throw new TexError(e instanceof Error ? e.message : String(e));
	}
	for (const role of Object.values(ROLES)) {
		html = html
			.replaceAll(`fill="${role.hex}" stroke="${role.hex}"`, `class="${role.className}"`)
			.replaceAll(` mathcolor="${role.hex}"`, '');
	}
	return html;
}

/**
 * The glyph shapes that formulas in `html` refer to, as one hidden `<svg>` of `<path>`s to include
 * once per page, before the first formula. Formulas rendered by renderTex draw nothing without it.
 */
export function mathGlyphs(html: Iterable<string>): string {
	const known = setup().glyphs();
	const used = new Set<string>();
	for (const part of html) {
		for (const m of part.matchAll(/xlink:href="#(MJX-[^"]+)"/g)) used.add(m[1]);
	}
	const paths = [...used].sort().map((id) => {
		const d = known.get(id);
		if (d === undefined) throw new Error(`MathJax glyph ${id} is used but was never typeset`);
		return `<path id="${id}" d="${d}"></path>`;
	});
	if (paths.length === 0) return '';
	return `<svg class="mjx-glyphs" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" style="display: none"><defs>${paths.join('')}</defs></svg>`;
}

/** MathJax's stylesheet for its SVG output, to include once per page. */
export function mathStylesheet(): string {
	return setup().css;
}
