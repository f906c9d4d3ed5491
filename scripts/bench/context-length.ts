// Context-length figure in the browser: drawContextGrid's cost into a canvas, and frame times while its slider moves.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import ts from 'typescript';
import { positionFromLength } from '../../src/lib/figures/context-length.ts';
import { frameStats, newContext, summarise, type FrameStats, type Summary } from './util.ts';

export const LENGTHS = [512, 2048, 8192];

export interface ContextLengthRow {
	tokens: number;
	/** drawContextGrid + a 1-pixel readback (forces the raster), on a canvas the control's size. */
	draw: { open: Summary; causal: Summary };
	/** rAF intervals while the essay's own slider alternates between two positions at this length. */
	slider: FrameStats | null;
}

export interface ContextLengthResult {
	url: string;
	cpuThrottling: number;
	devicePixelRatio: number;
	canvasPixels: number;
	controlFound: boolean;
	rows: ContextLengthRow[];
	error?: string;
}

/** context-length.ts as a plain script that fills `exports` (it imports nothing, so this is exact). */
function drawModuleSource(): string {
	const source = readFileSync('src/lib/figures/context-length.ts', 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }
	});
	return `window.__contextLength = {}; (function (exports) {\n${outputText}\n})(window.__contextLength);`;
}

interface DrawApi {
	drawContextGrid: (
		ctx: CanvasRenderingContext2D,
		n: number,
		size: number,
		colours: Record<string, string>,
		options: { causal?: boolean }
	) => number;
}

async function timeDraws(page: Page, n: number, causal: boolean, size: number): Promise<number[]> {
	return page.evaluate(
		({ n, causal, size }) => {
			const api = (window as unknown as { __contextLength: DrawApi }).__contextLength;
			let canvas = document.getElementById('bench-canvas') as HTMLCanvasElement | null;
			if (!canvas) {
				canvas = document.createElement('canvas');
				canvas.id = 'bench-canvas';
				canvas.style.cssText = 'position:fixed;left:0;top:0;width:10px;height:10px;opacity:0.01';
				document.body.append(canvas);
			}
			canvas.width = size;
			canvas.height = size;
			const ctx = canvas.getContext('2d', { willReadFrequently: false })!;
			const css = getComputedStyle(
				document.querySelector('.clc-canvas') ?? document.documentElement
			);
			const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
			const colours = {
				low: get('--cell-low', '#fbfaf7'),
				high: get('--cell-high', '#0072b2'),
				masked: get('--masked', '#e9e6e0'),
				line: get('--grid-line', '#e6e3dc')
			};
			const once = () => {
				const t0 = performance.now();
				api.drawContextGrid(ctx, n, size, colours, { causal });
				ctx.getImageData(0, 0, 1, 1);
				return performance.now() - t0;
			};
			for (let i = 0; i < 5; i++) once();
			return Array.from({ length: 40 }, once);
		},
		{ n, causal, size }
	);
}

/** rAF intervals over `frames` frames while the slider alternates between positions p and p − 1. */
async function sliderFrames(page: Page, n: number, frames = 120): Promise<number[]> {
	const p = positionFromLength(n);
	return page.evaluate(
		({ p, frames }) =>
			new Promise<number[]>((done) => {
				const input = document.querySelector<HTMLInputElement>('.clc-range')!;
				const out: number[] = [];
				let last = 0;
				let i = 0;
				const tick = (t: number) => {
					if (last > 0) out.push(t - last);
					last = t;
					if (i++ >= frames) return done(out);
					input.value = String(i % 2 ? p - 1 : p);
					input.dispatchEvent(new Event('input', { bubbles: true }));
					requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			}),
		{ p, frames }
	);
}

/**
 * On the essay's context-length step (desktop, device pixel ratio 2): time drawContextGrid itself
 * at each length, then the page's frames while the reader's slider moves at that length.
 */
export async function contextLengthTimings(
	browser: Browser,
	origin: string,
	path: string,
	cpuThrottling: number
): Promise<ContextLengthResult> {
	const devicePixelRatio = 2;
	const context = await newContext(browser, {
		viewport: { width: 1280, height: 800 },
		deviceScaleFactor: devicePixelRatio,
		reducedMotion: 'no-preference'
	});
	const page = await context.newPage();
	const url = `${origin}${path}`;
	try {
		await page.goto(url, { waitUntil: 'networkidle' });
		// The live figure (and with it the slider) loads on the reader's first key, touch or scroll.
		await page.keyboard.press('Shift');
		const controlFound = await page
			.waitForSelector('.clc-range', { timeout: 15_000 })
			.then(() => true)
			.catch(() => false);
		if (controlFound) {
			await page.locator('.clc-canvas').scrollIntoViewIfNeeded();
			await page.waitForTimeout(500);
		}
		await page.addScriptTag({ content: drawModuleSource() });
		const canvasPixels = controlFound
			? await page.$eval('.clc-canvas', (c) => (c as HTMLCanvasElement).width)
			: 800;
		const cdp = await context.newCDPSession(page);
		if (cpuThrottling > 1)
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
		const rows: ContextLengthRow[] = [];
		for (const n of LENGTHS) {
			const open = summarise(await timeDraws(page, n, false, canvasPixels));
			const causal = summarise(await timeDraws(page, n, true, canvasPixels));
			let slider: FrameStats | null = null;
			if (controlFound) {
				slider = frameStats(await sliderFrames(page, n));
				await page.waitForTimeout(200);
			}
			rows.push({ tokens: n, draw: { open, causal }, slider });
		}
		if (cpuThrottling > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		return { url: path, cpuThrottling, devicePixelRatio, canvasPixels, controlFound, rows };
	} catch (error) {
		return {
			url: path,
			cpuThrottling,
			devicePixelRatio,
			canvasPixels: 0,
			controlFound: false,
			rows: [],
			error: String(error)
		};
	} finally {
		await context.close();
	}
}
