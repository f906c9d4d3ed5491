// Renders a step's figure to a standalone SVG document: for no-JS readers, downloads and previews.
import { render } from 'svelte/server';
import Figure from '$lib/figures/Figure.svelte';
import FigureTable from '$lib/figures/FigureTable.svelte';
import { focusedSentence } from '$lib/figures/describe';
import { isGridStage } from '$lib/figures/layout';
import { figureProps } from '$lib/figures/props';
import type { Chapter, Step } from '$lib/manifest';
import type { ToyModel } from '$lib/model/types';
import themeCss from '$lib/theme.css?raw';
import figureCss from '$lib/figures/figure.css?raw';
import scaleViewsCss from '$lib/figures/scale-views.css?raw';

/** Options for {@link figureSvg}. */
export interface FigureSvgOptions {
	/** Force a theme instead of following the viewer's colour scheme. */
	theme?: 'light' | 'dark';
	/** Output width in CSS pixels (height follows the figure's aspect ratio). */
	width?: number;
	/** Paint the page background behind the figure. */
	background?: boolean;
}

/** Extract the figure's `<svg>…</svg>` from server-rendered markup. */
export function extractSvg(html: string): string {
	const start = html.indexOf('<svg');
	const end = html.lastIndexOf('</svg>');
	if (start < 0 || end < 0) throw new Error('the figure rendered no <svg>');
	return html.slice(start, end + '</svg>'.length);
}

/** Server-render a step's figure (the same markup the page's live figure produces). */
export function figureHtml(model: ToyModel, chapter: Chapter, step: Step): string {
	const { body } = render(Figure, { props: figureProps(model, chapter, step.id, step.state) });
	return body;
}

/**
 * A grid step's numbers as a visually hidden HTML table (see FigureTable.svelte), or '' for
 * stages that draw no grid: the no-JS essay gives each grid step its table beside its image.
 */
export function figureTableHtml(model: ToyModel, chapter: Chapter, step: Step): string {
	const { stage } = step.state;
	if (!isGridStage(stage)) return '';
	const { data, state } = figureProps(model, chapter, step.id, step.state);
	const sentence = focusedSentence(state, data);
	if (!sentence) return '';
	const props = { sentence, stage, query: state.query, causal: data.causal };
	return render(FigureTable, { props }).body.replace(/<!--[^]*?-->/g, '');
}

/** A complete, self-contained SVG document of one step's figure in that step's state. */
export function figureSvg(
	model: ToyModel,
	chapter: Chapter,
	step: Step,
	options: FigureSvgOptions = {}
): string {
	let svg = extractSvg(figureHtml(model, chapter, step)).replace(/<!--[^]*?-->/g, '');
	const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
	const [w, h] = viewBox ? [Number(viewBox[1]), Number(viewBox[2])] : [400, 400];
	const width = options.width ?? w;
	const height = Math.round((width * h) / w);
	const css = `${themeCss.replaceAll(':root', 'svg')}\nsvg{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:var(--fg)}${options.background ? '\nsvg{background:var(--bg)}' : ''}\n${figureCss}\n${scaleViewsCss}`;
	const theme = options.theme ? ` data-theme="${options.theme}"` : '';
	svg = svg.replace(
		/^<svg/,
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" data-step="${step.id}" data-stage="${step.state.stage}"${theme}`
	);
	const bg = options.background ? `<rect width="100%" height="100%" style="fill:var(--bg)"/>` : '';
	return svg.replace(/^(<svg[^>]*>)/, `$1<style>${css}</style>${bg}`);
}
