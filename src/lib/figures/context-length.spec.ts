// Tests for the context-length arithmetic, the log slider mapping and the block-merging canvas painter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	MAX_BLOCKS,
	MAX_LENGTH,
	MAX_POSITION,
	MIN_LENGTH,
	SHADE_EVEN,
	SHADE_ODD,
	blockSize,
	blocksPerSide,
	drawContextGrid,
	formatBytes,
	lengthFromPosition,
	memoryBytes,
	positionFromLength,
	scoreCount
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

/**
 * A stand-in canvas that records rectangles and composites them onto a small raster: for each
 * pixel, how much of each colour covers it (source-over, one channel per colour name).
 */
function raster(size: number) {
	const rects: { x: number; y: number; w: number; h: number; fill: string; alpha: number }[] = [];
	const cover = Array.from({ length: size * size }, () => new Map<string, number>());
	let strokes = 0;
	const ctx = {
		fillStyle: '' as string | CanvasGradient | CanvasPattern,
		strokeStyle: '' as string | CanvasGradient | CanvasPattern,
		globalAlpha: 1,
		lineWidth: 1,
		fillRect(x: number, y: number, w: number, h: number) {
			const fill = String(ctx.fillStyle);
			const a = ctx.globalAlpha;
			rects.push({ x, y, w, h, fill, alpha: a });
			for (let py = y; py < y + h; py++) {
				for (let px = x; px < x + w; px++) {
					const c = cover[py * size + px];
					for (const [name, v] of c) c.set(name, v * (1 - a));
					c.set(fill, (c.get(fill) ?? 0) + a);
				}
			}
		},
		beginPath() {},
		moveTo() {},
		lineTo() {},
		stroke() {
			strokes++;
		}
	};
	const at = (px: number, py: number, colour: string) => cover[py * size + px].get(colour) ?? 0;
	return { ctx, rects, at, strokes: () => strokes };
}

const colours = { low: 'white', high: 'blue', masked: 'grey', line: 'silver' };

describe('drawContextGrid(ctx, n, size, colours)', () => {
	it('paints single cells in two shades, like a checkerboard, with lines between them', () => {
		const { ctx, at, strokes } = raster(80);
		expect(drawContextGrid(ctx, 8, 80, colours)).toBe(1);
		for (let i = 0; i < 8; i++) {
			for (let j = 0; j < 8; j++) {
				const shade = (i + j) % 2 === 0 ? SHADE_EVEN : SHADE_ODD;
				expect(at(j * 10 + 5, i * 10 + 5, 'blue')).toBeCloseTo(shade, 10);
			}
		}
		expect(strokes()).toBe(1);
	});

	it('covers every pixel once the cells merge, as a checkerboard of blocks', () => {
		const { ctx, at } = raster(50);
		expect(drawContextGrid(ctx, 1000, 50, colours)).toBe(20);
		// 50 blocks of 20 × 20 cells, one pixel each.
		for (let p = 0; p < 50 * 50; p++) {
			const [x, y] = [p % 50, Math.floor(p / 50)];
			const shade = (x + y) % 2 === 0 ? SHADE_EVEN : SHADE_ODD;
			expect(at(x, y, 'blue')).toBeCloseTo(shade, 10);
		}
	});

	it('masks keys after the query when causal, cell by cell', () => {
		const { ctx, at } = raster(80);
		drawContextGrid(ctx, 8, 80, colours, { causal: true });
		for (let i = 0; i < 8; i++) {
			for (let j = 0; j < 8; j++) {
				const [x, y] = [j * 10 + 5, i * 10 + 5];
				if (j > i) {
					expect(at(x, y, 'grey')).toBeCloseTo(1, 10);
					expect(at(x, y, 'blue')).toBe(0);
				} else {
					expect(at(x, y, 'grey')).toBe(0);
					expect(at(x, y, 'blue')).toBeGreaterThan(0.2);
				}
			}
		}
	});

	it('paints a merged diagonal block in proportion to its visible cells', () => {
		const { ctx, at } = raster(64);
		const k = drawContextGrid(ctx, 512, 64, colours, { causal: true, maxBlocks: 8 });
		expect(k).toBe(64);
		// Block (0, 0) has 64 × 65 / 2 of its 64² cells visible.
		const visible = 65 / 128;
		expect(at(4, 4, 'blue')).toBeCloseTo(SHADE_EVEN * visible, 10);
		expect(at(4, 4, 'grey')).toBeCloseTo((1 - visible) * (1 - SHADE_EVEN * visible), 10);
		// Below the diagonal: all visible (blocks (2, 0) and (1, 0)); above: all masked.
		expect(at(4, 20, 'blue')).toBeCloseTo(SHADE_EVEN, 10);
		expect(at(4, 12, 'blue')).toBeCloseTo(SHADE_ODD, 10);
		expect(at(20, 4, 'grey')).toBeCloseTo(1, 10);
	});

	it('paints O(blocks) rectangles, never more than 128 × 128, whatever n is', () => {
		for (const causal of [false, true]) {
			const big = raster(1);
			// A recording-only canvas would do; a 1-pixel raster keeps this fast.
			big.ctx.fillRect = function (x, y, w, h) {
				big.rects.push({ x, y, w, h, fill: String(this.fillStyle), alpha: this.globalAlpha });
			};
			const k = drawContextGrid(big.ctx, MAX_LENGTH, 1200, colours, { causal });
			expect(k).toBe(64);
			expect(big.rects.length).toBeLessThanOrEqual(1 + 4 * MAX_BLOCKS + MAX_BLOCKS ** 2 / 2);
		}
		const small = raster(1);
		small.ctx.fillRect = function (x, y, w, h) {
			small.rects.push({ x, y, w, h, fill: String(this.fillStyle), alpha: this.globalAlpha });
		};
		drawContextGrid(small.ctx, 128, 1200, colours);
		expect(small.rects.length).toBe(1 + MAX_BLOCKS + MAX_BLOCKS ** 2 / 2);
	});

	it('paints only the background for an empty context', () => {
		const { ctx, rects } = raster(10);
		drawContextGrid(ctx, 0, 10, colours);
		expect(rects).toHaveLength(1);
	});
});
