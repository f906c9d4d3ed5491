// Tests for the context-length arithmetic, the log slider mapping and the block-merging canvas painter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
	MAX_BLOCKS,
	MAX_LENGTH,
	MAX_POSITION,
	MIN_LENGTH,
	SHADE_EVEN,
	SHADE_ODD,
	blockSize,
	blocksPerSide,
	contextGridPixels,
	drawContextGrid,
	formatBytes,
	lengthFromPosition,
	memoryBytes,
	parseAlpha,
	parseColour,
	positionFromLength,
	scoreCount,
	type RGB
} from './context-length.ts';

describe('scoreCount(n)', () => {
	it('is n² for a few lengths', () => {
		expect(scoreCount(0)).toBe(0);
		expect(scoreCount(1)).toBe(1);
		expect(scoreCount(16)).toBe(256);
		expect(scoreCount(2048)).toBe(4_194_304);
		expect(scoreCount(8192)).toBe(67_108_864);
	});

	it('quadruples when the context doubles', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
				expect(scoreCount(2 * n)).toBe(4 * scoreCount(n));
			})
		);
	});

	it('rejects lengths that are not whole numbers ≥ 0', () => {
		expect(() => scoreCount(-1)).toThrow(RangeError);
		expect(() => scoreCount(2.5)).toThrow(/whole number/);
	});
});

describe('memoryBytes(n, bytesPerScore)', () => {
	it('is 2 bytes per score by default (16-bit floats)', () => {
		expect(memoryBytes(16)).toBe(512);
		expect(memoryBytes(8192)).toBe(2 * 8192 * 8192);
	});

	it('scales with the bytes per score', () => {
		expect(memoryBytes(16, 4)).toBe(1024);
		expect(memoryBytes(16, 1)).toBe(256);
	});
});

describe('formatBytes(bytes)', () => {
	it('uses bytes below a kilobyte', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(128)).toBe('128 B');
		expect(formatBytes(1023)).toBe('1023 B');
	});

	it('uses binary units with at most one decimal below 10', () => {
		expect(formatBytes(1024)).toBe('1 KB');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(memoryBytes(2048))).toBe('8 MB');
		expect(formatBytes(memoryBytes(8192))).toBe('128 MB');
		expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
		expect(formatBytes(12.6 * 1024 ** 2)).toBe('13 MB');
	});

	it('moves up a unit instead of printing 1024', () => {
		expect(formatBytes(1024 * 1024 - 1)).toBe('1 MB');
	});

	it('rejects negative and non-finite counts', () => {
		expect(() => formatBytes(-1)).toThrow(RangeError);
		expect(() => formatBytes(Number.NaN)).toThrow(RangeError);
	});
});

describe('blockSize(n, pixels, maxBlocks)', () => {
	it('draws single cells while each cell covers at least a pixel', () => {
		expect(blockSize(500, 600, Infinity)).toBe(1);
		expect(blockSize(600, 600, Infinity)).toBe(1);
	});

	it('merges cells into blocks once a cell is smaller than a pixel', () => {
		expect(blockSize(601, 600, Infinity)).toBe(2);
		expect(blockSize(1200, 600, Infinity)).toBe(2);
		expect(blockSize(8192, 600, Infinity)).toBe(14);
	});

	it('merged blocks always cover at least a pixel', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 100_000 }),
				fc.integer({ min: 1, max: 4000 }),
				(n, px) => {
					const k = blockSize(n, px, Infinity);
					expect((k * px) / n).toBeGreaterThanOrEqual(1);
					// …and k is the smallest such size.
					if (k > 1) expect(((k - 1) * px) / n).toBeLessThan(1);
				}
			)
		);
	});

	it('never draws more than MAX_BLOCKS blocks along a side', () => {
		expect(MAX_BLOCKS).toBe(128);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 100_000 }),
				fc.integer({ min: 1, max: 8000 }),
				(n, px) => {
					expect(blocksPerSide(n, blockSize(n, px))).toBeLessThanOrEqual(MAX_BLOCKS);
				}
			)
		);
		expect(blocksPerSide(MAX_LENGTH, blockSize(MAX_LENGTH, 1200))).toBe(128);
	});

	it('keeps small grids cell by cell', () => {
		expect(blockSize(8, 300)).toBe(1);
		expect(blockSize(128, 300)).toBe(1);
	});

	it('rejects a canvas with no pixels', () => {
		expect(() => blockSize(16, 0)).toThrow(RangeError);
	});
});

describe('lengthFromPosition / positionFromLength', () => {
	it('runs from 8 to 8,192 tokens', () => {
		expect(lengthFromPosition(0)).toBe(MIN_LENGTH);
		expect(lengthFromPosition(MAX_POSITION)).toBe(MAX_LENGTH);
		expect(MIN_LENGTH).toBe(8);
		expect(MAX_LENGTH).toBe(8192);
	});

	it('lands on every power of two', () => {
		for (let n = 8; n <= 8192; n *= 2) {
			expect(lengthFromPosition(positionFromLength(n))).toBe(n);
		}
	});

	it('never shrinks as the position grows, and grows at every step from 128 tokens', () => {
		for (let p = 1; p <= MAX_POSITION; p++) {
			const [before, after] = [lengthFromPosition(p - 1), lengthFromPosition(p)];
			expect(after).toBeGreaterThanOrEqual(before);
			if (before >= 128) expect(after).toBeGreaterThan(before);
		}
	});

	it('clamps out-of-range values', () => {
		expect(lengthFromPosition(-5)).toBe(MIN_LENGTH);
		expect(lengthFromPosition(MAX_POSITION + 20)).toBe(MAX_LENGTH);
		expect(positionFromLength(1)).toBe(0);
		expect(positionFromLength(1e9)).toBe(MAX_POSITION);
	});
});

const LOW: RGB = [250, 250, 250];
const HIGH: RGB = [0, 100, 200];
const MASKED: RGB = [128, 128, 128];
const rgb = { low: LOW, high: HIGH, masked: MASKED };

/** `a` covered by `b` at opacity `t`, per channel, as the canvas composites. */
const over = (a: number[], b: number[], t: number) => a.map((x, i) => x + (b[i] - x) * t);

/** Pixel (row, col) of a B-wide RGBA image, as [r, g, b]. */
function pixel(image: Uint8ClampedArray, blocks: number, row: number, col: number): number[] {
	const p = (row * blocks + col) * 4;
	return [image[p], image[p + 1], image[p + 2]];
}

/** Colours equal after rounding to bytes (as Uint8ClampedArray stores them). */
function expectColour(actual: number[], expected: number[]) {
	expect(actual).toEqual(expected.map((x) => Math.round(x)));
}

describe('parseColour(css)', () => {
	it('reads hex and rgb() colours, ignoring alpha', () => {
		expect(parseColour('#0072b2')).toEqual([0, 114, 178]);
		expect(parseColour('#FFF')).toEqual([255, 255, 255]);
		expect(parseColour('#0072b2cc')).toEqual([0, 114, 178]);
		expect(parseColour(' rgb(1, 2, 3) ')).toEqual([1, 2, 3]);
		expect(parseColour('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30]);
		expect(parseColour('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30]);
	});

	it('says null for what it cannot read', () => {
		expect(parseColour('blue')).toBeNull();
		expect(parseColour('#12345')).toBeNull();
		expect(parseColour('oklch(0.5 0.1 200)')).toBeNull();
	});
});

describe('contextGridPixels(n, k, colours, causal)', () => {
	it('is one pixel per cell, a checkerboard of two shades, while cells are not merged', () => {
		const image = contextGridPixels(8, 1, rgb);
		expect(image).toHaveLength(8 * 8 * 4);
		for (let i = 0; i < 8; i++) {
			for (let j = 0; j < 8; j++) {
				const shade = (i + j) % 2 === 0 ? SHADE_EVEN : SHADE_ODD;
				expectColour(pixel(image, 8, i, j), over(LOW, HIGH, shade));
			}
		}
	});

	it('is opaque everywhere', () => {
		const image = contextGridPixels(300, 7, rgb, true);
		for (let p = 3; p < image.length; p += 4) expect(image[p]).toBe(255);
	});

	it('masks keys after the query when causal, cell by cell; the diagonal stays visible', () => {
		const image = contextGridPixels(8, 1, rgb, true);
		for (let i = 0; i < 8; i++) {
			for (let j = 0; j < 8; j++) {
				const expected =
					j > i ? MASKED : over(LOW, HIGH, (i + j) % 2 === 0 ? SHADE_EVEN : SHADE_ODD);
				expectColour(pixel(image, 8, i, j), expected);
			}
		}
	});

	it('mixes a merged diagonal block in proportion to its visible cells', () => {
		// 512 tokens in blocks of 64: block (0, 0) has 64 × 65 / 2 of its 64² cells visible.
		const image = contextGridPixels(512, 64, rgb, true);
		const visible = 65 / 128;
		expectColour(
			pixel(image, 8, 0, 0),
			over(over(LOW, MASKED, 1 - visible), HIGH, SHADE_EVEN * visible)
		);
		// Below the diagonal: all visible; above: all masked.
		expectColour(pixel(image, 8, 2, 0), over(LOW, HIGH, SHADE_EVEN));
		expectColour(pixel(image, 8, 1, 0), over(LOW, HIGH, SHADE_ODD));
		expectColour(pixel(image, 8, 0, 2), MASKED);
	});

	it('counts a last, partial diagonal block by its own size', () => {
		// 10 tokens in blocks of 3: the last block is 1 × 1, fully visible.
		const image = contextGridPixels(10, 3, rgb, true);
		expectColour(pixel(image, 4, 3, 3), over(LOW, HIGH, SHADE_EVEN));
		// A full 3 × 3 diagonal block shows 6 of its 9 cells.
		const visible = 4 / 6;
		expectColour(
			pixel(image, 4, 1, 1),
			over(over(LOW, MASKED, 1 - visible), HIGH, SHADE_EVEN * visible)
		);
	});

	it('is at most 128 × 128 pixels whatever n is, and empty for an empty context', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: MAX_LENGTH }),
				fc.integer({ min: 1, max: 4000 }),
				(n, px) => {
					const k = blockSize(n, px);
					const blocks = blocksPerSide(n, k);
					expect(blocks).toBeLessThanOrEqual(MAX_BLOCKS);
					expect(contextGridPixels(n, k, rgb)).toHaveLength(blocks * blocks * 4);
				}
			),
			{ numRuns: 60 }
		);
		expect(contextGridPixels(0, 1, rgb)).toHaveLength(0);
	});
});

/** A stand-in canvas that records the calls drawContextGrid makes. */
function recorder() {
	const calls: { op: string; args: number[]; fill?: string; smoothing?: boolean }[] = [];
	const images: { pixels: Uint8ClampedArray<ArrayBuffer>; blocks: number }[] = [];
	const ctx = {
		fillStyle: '' as string | CanvasGradient | CanvasPattern,
		strokeStyle: '' as string | CanvasGradient | CanvasPattern,
		globalAlpha: 1,
		lineWidth: 1,
		imageSmoothingEnabled: true,
		fillRect(...args: number[]) {
			calls.push({ op: 'fillRect', args, fill: String(ctx.fillStyle) });
		},
		drawImage(_image: unknown, ...args: number[]) {
			calls.push({ op: 'drawImage', args, smoothing: ctx.imageSmoothingEnabled });
		},
		beginPath() {},
		moveTo() {},
		lineTo() {},
		stroke() {
			calls.push({ op: 'stroke', args: [] });
		}
	};
	const image = (pixels: Uint8ClampedArray<ArrayBuffer>, blocks: number) => {
		images.push({ pixels, blocks });
		return {} as CanvasImageSource;
	};
	return { ctx, calls, images, image };
}

const colours = { low: '#fafafa', high: '#0064c8', masked: '#808080', line: '#c0c0c0' };

describe('drawContextGrid(ctx, n, size, colours)', () => {
	it('paints the background, then the squares scaled up without smoothing, then cell lines', () => {
		const { ctx, calls, images, image } = recorder();
		expect(drawContextGrid(ctx, 8, 80, colours, { image })).toBe(1);
		expect(calls.map((c) => c.op)).toEqual(['fillRect', 'drawImage', 'stroke']);
		expect(calls[0]).toMatchObject({ args: [0, 0, 80, 80], fill: '#fafafa' });
		expect(calls[1]).toMatchObject({ args: [0, 0, 8, 8, 0, 0, 80, 80], smoothing: false });
		// The image is the grid's own pixels, in the colours given.
		expect(images[0].blocks).toBe(8);
		expect(images[0].pixels).toEqual(contextGridPixels(8, 1, rgbOf(colours)));
	});

	it('merges cells into blocks of at least a pixel and draws no lines between them', () => {
		const { ctx, calls, images, image } = recorder();
		expect(drawContextGrid(ctx, 1000, 50, colours, { image })).toBe(20);
		expect(images[0].blocks).toBe(50);
		expect(calls.map((c) => c.op)).toEqual(['fillRect', 'drawImage']);
		expect(calls[1].args).toEqual([0, 0, 50, 50, 0, 0, 50, 50]);
	});

	it('scales a partial last block to its true width, letting the canvas clip the overhang', () => {
		const { ctx, calls, image } = recorder();
		// 10 tokens on 50 pixels in blocks of 3: 4 blocks, each 15 pixels; the last shows 5.
		expect(drawContextGrid(ctx, 10, 50, colours, { image, maxBlocks: 4 })).toBe(3);
		expect(calls[1].args).toEqual([0, 0, 4, 4, 0, 0, 60, 60]);
	});

	it('passes the causal mask on to the pixels', () => {
		const { ctx, images, image } = recorder();
		drawContextGrid(ctx, 512, 64, colours, { image, causal: true, maxBlocks: 8 });
		expect(images[0].pixels).toEqual(contextGridPixels(512, 64, rgbOf(colours), true));
	});

	it('makes the same few calls whatever n is', () => {
		for (const n of [128, 2048, MAX_LENGTH]) {
			const { ctx, calls, images, image } = recorder();
			drawContextGrid(ctx, n, 1200, colours, { image, causal: true });
			expect(calls.filter((c) => c.op !== 'stroke')).toHaveLength(2);
			expect(images[0].blocks).toBeLessThanOrEqual(MAX_BLOCKS);
		}
	});

	it('paints only the background for an empty context', () => {
		const { ctx, calls, image } = recorder();
		drawContextGrid(ctx, 0, 10, colours, { image });
		expect(calls.map((c) => c.op)).toEqual(['fillRect']);
	});
});

function rgbOf(c: typeof colours) {
	return { low: parseColour(c.low)!, high: parseColour(c.high)!, masked: parseColour(c.masked)! };
}

describe('the checkerboard shades', () => {
	it('parseAlpha reads an opacity and falls back on anything else', () => {
		expect(parseAlpha(' 0.6 ', 0.2)).toBe(0.6);
		expect(parseAlpha('.9', 0.2)).toBe(0.9);
		expect(parseAlpha('1', 0.2)).toBe(1);
		for (const bad of ['', '  ', 'auto', '1.5', '-0.1', 'NaN'])
			expect(parseAlpha(bad, 0.2)).toBe(0.2);
	});

	it('contextGridPixels paints the shades it is given', () => {
		const shades = { even: 0.9, odd: 0.6 };
		const image = contextGridPixels(4, 1, rgb, false, shades);
		expectColour(pixel(image, 4, 0, 0), over(LOW, HIGH, 0.9));
		expectColour(pixel(image, 4, 0, 1), over(LOW, HIGH, 0.6));
	});

	/** The theme's custom properties in the block that `selector` opens. */
	function themeBlock(css: string, selector: string): Record<string, string> {
		const start = css.indexOf(selector);
		expect(start, selector).toBeGreaterThanOrEqual(0);
		const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
		return Object.fromEntries(
			[...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()])
		);
	}
	/** WCAG contrast ratio of two sRGB colours. */
	function contrast(a: number[], b: number[]): number {
		const lum = (c: number[]) => {
			const [r, g, bl] = c.map((v) => {
				const x = v / 255;
				return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
		};
		const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
		return (hi + 0.05) / (lo + 0.05);
	}

	it('in the dark theme, both shades stand out from masked cells and from each other', () => {
		const css = readFileSync(new URL('../theme.css', import.meta.url), 'utf8');
		const dark = themeBlock(css, ":root[data-theme='dark']");
		// The dark palette for readers whose system is dark is the same.
		const system = themeBlock(css, ":root:not([data-theme='light'])");
		for (const name of ['--cell-low', '--cell-high', '--masked', '--shade-even', '--shade-odd']) {
			expect(system[name], name).toBe(dark[name]);
		}
		const low = parseColour(dark['--cell-low'])!;
		const high = parseColour(dark['--cell-high'])!;
		const masked = parseColour(dark['--masked'])!;
		const even = over(low, high, parseAlpha(dark['--shade-even'], NaN));
		const odd = over(low, high, parseAlpha(dark['--shade-odd'], NaN));
		// At the light theme's 0.24 the paler shade was 1.1 : 1 against masked cells: invisible.
		expect(contrast(odd, masked)).toBeGreaterThanOrEqual(1.5);
		expect(contrast(even, odd)).toBeGreaterThanOrEqual(1.3);
	});
});
