// Build-time images of a step for sharing: the 1200 × 630 preview card (PNG) and a self-contained SVG.
//
//   figureSvg (CSS variables, follows the viewer) ──flatFigureSvg──▶ plain colours, light theme
//        └──previewSvg: title, chapter, summary beside the figure──▶ resvg + shipped DejaVu fonts ──▶ PNG
//
// resvg understands class selectors but not CSS variables or media queries, and a new CI machine has
// no fonts: so colours are resolved here, and the fonts come from the dejavu-fonts-ttf package.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Chapter, Manifest, Step } from '$lib/manifest';
import type { ToyModel } from '$lib/model/types';
import { stateName } from '$lib/essay';
import { PREVIEW_SIZE } from '$lib/embed/paths';
import { escapeHtml } from '$lib/embed/snippet';
import { ORIGIN } from '$lib/site';
import { figureSvg } from './figure-svg.ts';
import themeCss from '$lib/theme.css?raw';
import figureCss from '$lib/figures/figure.css?raw';
import scaleViewsCss from '$lib/figures/scale-views.css?raw';

/** The font stack written into standalone SVGs: the reader's UI font, else the shipped DejaVu. */
const FONT_STACK = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif`;

/**
 * The theme's CSS custom properties as plain values: `:root` for light, with the
 * `:root[data-theme='dark']` block laid over it for dark.
 */
export function themeVariables(css: string, theme: 'light' | 'dark'): Record<string, string> {
	const block = (selector: RegExp) => selector.exec(css)?.[1] ?? '';
	const read = (body: string) =>
		Object.fromEntries(
			[...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()])
		);
	const light = read(block(/(?:^|\n):root\s*\{([^}]*)\}/));
	if (theme === 'light') return light;
	return { ...light, ...read(block(/:root\[data-theme=['"]dark['"]\]\s*\{([^}]*)\}/)) };
}

/**
 * Replace every `var(--name)` and `var(--name, fallback)` in `text` with the variable's value (or
 * the fallback), recursively. Unknown variables without a fallback become `initial`.
 */
export function resolveVariables(text: string, vars: Record<string, string>): string {
	let out = '';
	let i = 0;
	for (;;) {
		const start = text.indexOf('var(', i);
		if (start < 0) return out + text.slice(i);
		out += text.slice(i, start);
		let depth = 0;
		let comma = -1;
		let end = start + 3;
		for (; end < text.length; end++) {
			const ch = text[end];
			if (ch === '(') depth++;
			else if (ch === ')' && --depth === 0) break;
			else if (ch === ',' && depth === 1 && comma < 0) comma = end;
		}
		const name = text.slice(start + 4, comma < 0 ? end : comma).trim();
		const fallback = comma < 0 ? undefined : text.slice(comma + 1, end).trim();
		const value = vars[name] ?? fallback ?? 'initial';
		out += resolveVariables(value, vars);
		i = end + 1;
	}
}

/** Remove comments and `@media` blocks (resvg ignores them; they only make files bigger). */
function plainCss(css: string): string {
	let out = css.replace(/\/\*[^]*?\*\//g, '');
	for (let at = out.indexOf('@media'); at >= 0; at = out.indexOf('@media')) {
		let depth = 0;
		let end = out.indexOf('{', at);
		for (; end < out.length; end++) {
			if (out[end] === '{') depth++;
			else if (out[end] === '}' && --depth === 0) break;
		}
		out = out.slice(0, at) + out.slice(end + 1);
	}
	return out.replace(/\n\s*\n+/g, '\n').trim();
}

/**
 * A step's figure as a self-contained SVG with plain colours (no CSS variables, no media queries),
 * on the theme's background: it looks the same in browsers, slide software, LaTeX and resvg.
 */
export function flatFigureSvg(
	model: ToyModel,
	chapter: Chapter,
	step: Step,
	theme: 'light' | 'dark' = 'light'
): string {
	const vars = themeVariables(themeCss, theme);
	const css = plainCss(
		resolveVariables(
			`svg{color:var(--fg);font-family:${FONT_STACK}}\n${figureCss}\n${scaleViewsCss}`,
			vars
		)
	);
	const svg = figureSvg(model, chapter, step, { theme, background: true });
	return resolveVariables(
		svg.replace(/<style>[^]*?<\/style>/, () => `<style>${css}</style>`),
		vars
	);
}

/** Rough advance width of `text` in DejaVu at `size` px (DejaVu runs wide; errs on the wide side). */
function dejaVuWidth(text: string, size: number): number {
	let em = 0;
	for (const ch of text) {
		if (/[ijlI.,:;'!|·]/.test(ch)) em += 0.32;
		else if (/[ftr()[\]“”‘’]/.test(ch)) em += 0.42;
		else if (ch === ' ') em += 0.32;
		else if (/[mwMW]/.test(ch)) em += 0.95;
		else if (/[A-Z0-9]/.test(ch)) em += 0.7;
		else em += 0.6;
	}
	return em * size;
}

/**
 * Break `text` into at most `maxLines` lines no wider than `width` px at `size` px, ending the
 * last line with an ellipsis when the text does not fit.
 */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
	const words = text.trim().split(/\s+/);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line} ${word}` : word;
		if (dejaVuWidth(next, size) <= width || !line) {
			line = next;
			continue;
		}
		lines.push(line);
		line = word;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1];
	while (last.includes(' ') && dejaVuWidth(`${last}…`, size) > width) {
		last = last.slice(0, last.lastIndexOf(' '));
	}
	kept[maxLines - 1] = `${last.replace(/[\s,.;:…]+$/, '')}…`;
	return kept;
}

/** Position of a step in its chapter, 1-based. */
function stepNumber(chapter: Chapter, step: Step): number {
	return chapter.steps.findIndex((s) => s.id === step.id) + 1;
}

/**
 * The 1200 × 630 share card as SVG: the essay's name, the chapter and stage, the step's summary and
 * the site's address on the left; the step's figure on the right.
 */
export function previewSvg(
	manifest: Pick<Manifest, 'title'>,
	model: ToyModel,
	chapter: Chapter,
	step: Step
): string {
	const { width: W, height: H } = PREVIEW_SIZE;
	const vars = themeVariables(themeCss, 'light');
	const figure = flatFigureSvg(model, chapter, step)
		.replace(/^<svg[^>]*?\swidth="[\d.]+"\s+height="[\d.]+"/, (m) =>
			m.replace(/\swidth="[\d.]+"\s+height="[\d.]+"/, ' x="610" y="35" width="560" height="560"')
		)
		.replace(/<rect width="100%" height="100%"[^>]*\/>/, '');
	const left = 64;
	const textWidth = 500;
	const summary = wrapText(step.summary, textWidth, 27, 7);
	const stage = stateName(step.state);
	// Bold DejaVu is about a tenth wider than regular.
	const stageSize =
		[58, 50, 44, 38].find((size) => dejaVuWidth(stage, size) * 1.1 <= textWidth) ?? 34;
	const site = `${ORIGIN.replace(/^https?:\/\//, '')}`;
	const t = escapeHtml;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="${W}" height="${H}" fill="${vars['--bg']}"/>
<rect x="594" y="35" width="1" height="560" fill="${vars['--rule']}"/>
<g font-family="DejaVu Sans" fill="${vars['--fg']}">
<text x="${left}" y="86" font-size="20" letter-spacing="2" fill="${vars['--fg-muted']}">${t(manifest.title.toUpperCase())}</text>
<text x="${left}" y="150" font-size="30" fill="${vars['--fg-muted']}">Chapter ${chapter.number} · ${t(chapter.title)}</text>
<text x="${left}" y="218" font-size="${stageSize}" font-weight="bold">${t(stage)}</text>
<text font-family="DejaVu Serif" font-size="27">${summary
		.map((line, i) => `<tspan x="${left}" y="${282 + i * 38}">${t(line)}</tspan>`)
		.join('')}</text>
<text x="${left}" y="580" font-size="20" fill="${vars['--fg-muted']}">Step ${stepNumber(chapter, step)} of ${chapter.steps.length} · ${t(site)}</text>
</g>
${figure}
</svg>`;
}

let fontFiles: string[] | undefined;

/** The TTF files resvg loads: DejaVu Sans and Serif, regular and bold, from dejavu-fonts-ttf. */
export function previewFonts(): string[] {
	if (!fontFiles) {
		const require = createRequire(import.meta.url);
		fontFiles = ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSerif', 'DejaVuSerif-Bold'].map((f) =>
			require.resolve(`dejavu-fonts-ttf/ttf/${f}.ttf`)
		);
	}
	return fontFiles;
}

/** The step's 1200 × 630 preview image as PNG bytes, rendered with the shipped fonts only. */
export function previewPng(
	manifest: Pick<Manifest, 'title'>,
	model: ToyModel,
	chapter: Chapter,
	step: Step
): Buffer {
	const resvg = new Resvg(previewSvg(manifest, model, chapter, step), {
		fitTo: { mode: 'original' },
		font: {
			loadSystemFonts: false,
			fontFiles: previewFonts(),
			defaultFontFamily: 'DejaVu Sans',
			sansSerifFamily: 'DejaVu Sans',
			serifFamily: 'DejaVu Serif'
		},
		logLevel: 'off'
	});
	return resvg.render().asPng();
}
