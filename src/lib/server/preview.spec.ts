// Tests for the share images: CSS variables resolved for resvg, text wrapping, and the PNG's size.
import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { allSteps } from '$lib/manifest';
import { loadContent } from './content/index.ts';
import {
	flatFigureSvg,
	previewFonts,
	previewPng,
	previewSvg,
	resolveVariables,
	themeVariables,
	wrapText
} from './preview.ts';

// Vitest turns CSS imports into empty strings, `?raw` included: give the real files to the code.
vi.mock('$lib/theme.css?raw', async () => ({
	default: (await import('node:fs')).readFileSync('src/lib/theme.css', 'utf8')
}));
vi.mock('$lib/figures/figure.css?raw', async () => ({
	default: (await import('node:fs')).readFileSync('src/lib/figures/figure.css', 'utf8')
}));
vi.mock('$lib/figures/scale-views.css?raw', async () => ({
	default: (await import('node:fs')).readFileSync('src/lib/figures/scale-views.css', 'utf8')
}));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
	expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const THEME = `
:root { --bg: #fff; --fg: #111; --c-query: #b35000; }
:root[data-theme='dark'] { --bg: #000; --fg: #eee; }
@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { --bg: #000; } }
`;

describe('themeVariables', () => {
	it('themeVariables(css, "light") reads :root', () => {
		expect(themeVariables(THEME, 'light')).toEqual({
			'--bg': '#fff',
			'--fg': '#111',
			'--c-query': '#b35000'
		});
	});

	it('themeVariables(css, "dark") lays the dark block over :root', () => {
		expect(themeVariables(THEME, 'dark')).toEqual({
			'--bg': '#000',
			'--fg': '#eee',
			'--c-query': '#b35000'
		});
	});
});

describe('resolveVariables', () => {
	const vars = { '--a': '#123', '--b': 'var(--a)', '--font': "'DejaVu Sans', sans-serif" };

	it('resolveVariables replaces var(--a) with its value', () => {
		expect(resolveVariables('fill: var(--a);', vars)).toBe('fill: #123;');
	});

	it('resolveVariables follows variables that name variables', () => {
		expect(resolveVariables('stroke: var(--b)', vars)).toBe('stroke: #123');
	});

	it('resolveVariables uses the fallback, with its commas and parentheses, for unknown names', () => {
		expect(resolveVariables('font-family: var(--nope, system-ui, sans-serif)', vars)).toBe(
			'font-family: system-ui, sans-serif'
		);
		expect(resolveVariables('fill: var(--nope, rgb(1, 2, 3))', vars)).toBe('fill: rgb(1, 2, 3)');
		expect(resolveVariables('fill: var(--nope, var(--a))', vars)).toBe('fill: #123');
	});

	it('resolveVariables makes unknown names without a fallback "initial"', () => {
		expect(resolveVariables('fill: var(--nope)', vars)).toBe('fill: initial');
	});
});

describe('wrapText', () => {
	it('wrapText keeps short text on one line', () => {
		expect(wrapText('Softmax turns scores into weights.', 500, 27, 7)).toEqual([
			'Softmax turns scores into weights.'
		]);
	});

	it('wrapText breaks long text at spaces, every line within the width', () => {
		const lines = wrapText('word '.repeat(60).trim(), 300, 20, 20);
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.join(' ')).toBe('word '.repeat(60).trim());
		for (const line of lines) expect(line.length * 0.6 * 20).toBeLessThanOrEqual(300);
	});

	it('wrapText ends with an ellipsis when the text needs more than maxLines', () => {
		const lines = wrapText('alpha beta gamma delta '.repeat(30), 300, 20, 3);
		expect(lines).toHaveLength(3);
		expect(lines[2].endsWith('…')).toBe(true);
	});
});

describe('share images', () => {
	const { manifest, model } = loadContent();
	const chapter = manifest.chapters[0];
	const steps = allSteps(manifest);

	it('previewFonts() are TTF files shipped in node_modules (no system fonts needed)', () => {
		const fonts = previewFonts();
		expect(fonts.length).toBeGreaterThanOrEqual(2);
		for (const font of fonts) {
			expect(font).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVu[\w-]+\.ttf$/);
			expect(existsSync(font)).toBe(true);
		}
	});

	it('flatFigureSvg(...) has plain colours: no CSS variables and no media queries', () => {
		for (const step of steps) {
			const svg = flatFigureSvg(
				model,
				manifest.chapters.find((c) => c.slug === step.chapter)!,
				step
			);
			expect(svg, step.id).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
			expect(svg, step.id).not.toContain('var(');
			expect(svg, step.id).not.toContain('@media');
			expect(svg, step.id).toMatch(/\.fig-svg text\{?\s*\{?[^}]*fill: #1f1f1f/);
			expect(svg, step.id).toContain(`data-step="${step.id}"`);
		}
	});

	it('previewSvg(...) is 1200 × 630 with the stage name and the figure inside', () => {
		const step = chapter.steps.find((s) => s.state.stage === 'softmax')!;
		const svg = previewSvg(manifest, model, chapter, step);
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
		expect(svg).toContain('>Softmax</text>');
		expect(svg).not.toContain('undefined');
		expect(svg).toContain('fill="#fbfaf7"');
		expect(svg).toContain(`data-step="${step.id}"`);
	});

	it('previewPng(...) is a 1200 × 630 PNG, different for two steps', () => {
		const [a, b] = chapter.steps;
		const pa = previewPng(manifest, model, chapter, a);
		const pb = previewPng(manifest, model, chapter, b);
		expect(pngSize(pa)).toEqual({ width: 1200, height: 630 });
		expect(pngSize(pb)).toEqual({ width: 1200, height: 630 });
		expect(pa.equals(pb)).toBe(false);
	});
});
