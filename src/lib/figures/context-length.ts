// The arithmetic and drawing behind the context-length view: n² scores, their memory, a log slider.
//
//   slider position ──lengthFromPosition──▶ n ──scoreCount / memoryBytes──▶ readouts
//                                            └──blockSize──▶ drawContextGrid(ctx) (≤ 128 × 128 blocks)

/** Shortest context the slider offers, in tokens. */
export const MIN_LENGTH = 8;
/** Longest context the slider offers, in tokens. */
export const MAX_LENGTH = 8192;
/** Context length the static (server-rendered) grid shows. */
export const DEFAULT_LENGTH = 16;
/** Slider positions per doubling of the context: every 12th position is a power of two. */
export const STEPS_PER_DOUBLING = 12;
/** Most blocks drawn along one side of the canvas, so a frame is at most 128 × 128 rectangles. */
export const MAX_BLOCKS = 128;
/** Bytes per score in a 16-bit float. */
export const BYTES_PER_SCORE = 2;

function assertLength(n: number, name: string): void {
	if (!Number.isInteger(n) || n < 0) {
		throw new RangeError(`${name}: context length must be a whole number ≥ 0 (got ${n})`);
	}
}

/** The number of attention scores for a context of `n` tokens: one per query/key pair, n². */
export function scoreCount(n: number): number {
	assertLength(n, 'scoreCount');
	return n * n;
}

/**
 * Bytes needed to hold one head's n × n grid of scores in one layer.
 * @param bytesPerScore 2 for 16-bit floats (the default), 4 for 32-bit.
 */
export function memoryBytes(n: number, bytesPerScore = BYTES_PER_SCORE): number {
	assertLength(n, 'memoryBytes');
	return scoreCount(n) * bytesPerScore;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count for readers, in binary units (1 KB = 1,024 bytes): `512 B`, `1.5 KB`, `128 MB`.
 * One decimal below 10 of a unit (dropped when it is .0), whole numbers from 10 up.
 */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) {
		throw new RangeError(`formatBytes: bytes must be a finite number ≥ 0 (got ${bytes})`);
	}
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	if (unit === 0) return `${Math.round(value)} B`;
	let text = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
	// 1023.7 KB rounds up to "1024 KB": say "1 MB" instead.
	if (text === '1024' && unit < UNITS.length - 1) {
		text = '1';
		unit++;
	}
	return `${text} ${UNITS[unit]}`;
}

/**
 * How many cells along each side to merge into one drawn block, for an n × n grid drawn
 * `pixels` device pixels wide: 1 while a cell is at least a pixel, then the smallest k whose
 * k × k block covers a pixel; and never fewer cells per block than keeps the grid within
 * `maxBlocks` blocks per side.
 */
export function blockSize(n: number, pixels: number, maxBlocks = MAX_BLOCKS): number {
	assertLength(n, 'blockSize');
	if (!(pixels > 0)) throw new RangeError(`blockSize: pixels must be > 0 (got ${pixels})`);
	if (!(maxBlocks >= 1))
		throw new RangeError(`blockSize: maxBlocks must be ≥ 1 (got ${maxBlocks})`);
	if (n === 0) return 1;
	const forPixels = Math.ceil(n / pixels);
	const forCap = Math.ceil(n / Math.floor(maxBlocks));
	return Math.max(1, forPixels, forCap);
}

/** The number of blocks drawn along one side for an n × n grid merged into k × k blocks. */
export function blocksPerSide(n: number, k: number): number {
	return Math.ceil(n / k);
}

/** The context length at a slider position: 8 at position 0, doubling every 12 positions. */
export function lengthFromPosition(position: number): number {
	const n = Math.round(MIN_LENGTH * 2 ** (position / STEPS_PER_DOUBLING));
	return Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, n));
}

/** The slider position nearest a context length (inverse of lengthFromPosition). */
export function positionFromLength(n: number): number {
	const clamped = Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, n));
	return Math.round(Math.log2(clamped / MIN_LENGTH) * STEPS_PER_DOUBLING);
}

/** The last slider position (the one that gives MAX_LENGTH). */
export const MAX_POSITION = positionFromLength(MAX_LENGTH);

/** Colours the canvas grid is painted with, as CSS colour strings (read from the theme). */
export interface GridColours {
	/** Background of the grid (no score). */
	low: string;
	/** Score cells; drawn with partial alpha. */
	high: string;
	/** Cells hidden by the causal mask. */
	masked: string;
	/** Lines between cells, when cells are big enough to show them. */
	line: string;
	/** Alpha of `high` in the checkerboard's two shades (the theme's; SHADE_EVEN, SHADE_ODD if unset). */
	shades?: Shades;
}

/** Alpha of the score colour where row + column is even, and where it is odd. */
export interface Shades {
	even: number;
	odd: number;
}

/**
 * Alpha of the two checkerboard shades of drawn squares (cells, or merged blocks), so neighbours
 * stay distinguishable at every length.
 */
export const SHADE_EVEN = 0.42;
export const SHADE_ODD = 0.24;
const SHADES: Shades = { even: SHADE_EVEN, odd: SHADE_ODD };

/** The canvas calls drawContextGrid makes (a subset of CanvasRenderingContext2D). */
export type GridContext = Pick<
	CanvasRenderingContext2D,
	'fillStyle' | 'strokeStyle' | 'globalAlpha' | 'lineWidth' | 'fillRect' | 'imageSmoothingEnabled'
> & {
	drawImage(
		image: CanvasImageSource,
		sx: number,
		sy: number,
		sw: number,
		sh: number,
		dx: number,
		dy: number,
		dw: number,
		dh: number
	): void;
} & Partial<Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo' | 'stroke'>>;

/** An sRGB colour as [red, green, blue], each 0–255. */
export type RGB = [number, number, number];

/**
 * Parses the colour forms a stylesheet's custom property or a canvas's `fillStyle` gives back:
 * `#rgb`, `#rrggbb` (alpha digits ignored), `rgb(r, g, b)`, `rgba(r, g, b, a)` and `rgb(r g b / a)`.
 * Null for anything else (named colours, other colour spaces).
 */
export function parseColour(css: string): RGB | null {
	const text = css.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
	if (hex) {
		if (hex.length === 3 || hex.length === 4) {
			return [0, 1, 2].map((i) => parseInt(hex[i] + hex[i], 16)) as RGB;
		}
		if (hex.length === 6 || hex.length === 8) {
			return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as RGB;
		}
		return null;
	}
	const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
	if (rgb) return [1, 2, 3].map((i) => Math.min(255, Number(rgb[i]))) as RGB;
	return null;
}

/**
 * An opacity from a stylesheet's custom property ("0.6", " .9 "): a number from 0 to 1, or
 * `fallback` when the text is empty or not such a number.
 */
export function parseAlpha(text: string, fallback: number): number {
	const t = text.trim();
	const value = t === '' ? NaN : Number(t);
	return Number.isFinite(value) && value >= 0 && value <= 1 ? value : fallback;
}

/** `a` covered by `b` at opacity `t` (source-over), per channel. */
function over(a: RGB, b: RGB, t: number): RGB {
	return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * The grid as one RGBA pixel per drawn square: B × B pixels for B = blocksPerSide(n, k), row by
 * row (queries) and column by column (keys). A checkerboard of the score colour over the
 * background at `shades.even` where row + column is even and `shades.odd` where it is odd (by
 * default SHADE_EVEN and SHADE_ODD; dark themes set stronger ones); with `causal`,
 * squares right of the diagonal are masked, and a diagonal square mixes the mask and the score
 * colour in proportion to its visible cells ((m + 1) / 2m of an m × m block, keys ≤ query).
 */
export function contextGridPixels(
	n: number,
	k: number,
	colours: { low: RGB; high: RGB; masked: RGB },
	causal = false,
	shades: Shades = SHADES
): Uint8ClampedArray<ArrayBuffer> {
	const blocks = n > 0 ? blocksPerSide(n, k) : 0;
	const out = new Uint8ClampedArray(blocks * blocks * 4);
	const even = over(colours.low, colours.high, shades.even);
	const odd = over(colours.low, colours.high, shades.odd);
	const put = (p: number, c: RGB) => {
		out[p] = c[0];
		out[p + 1] = c[1];
		out[p + 2] = c[2];
		out[p + 3] = 255;
	};
	for (let bi = 0; bi < blocks; bi++) {
		for (let bj = 0; bj < blocks; bj++) {
			const p = (bi * blocks + bj) * 4;
			if (!causal || bj < bi) put(p, (bi + bj) % 2 === 0 ? even : odd);
			else if (bj > bi) put(p, colours.masked);
			else {
				const m = Math.min(k, n - bi * k);
				const visible = (m + 1) / (2 * m);
				put(
					p,
					over(over(colours.low, colours.masked, 1 - visible), colours.high, shades.even * visible)
				);
			}
		}
	}
	return out;
}

/** Turns B × B pixels into something drawImage can scale (a browser canvas, reused). */
export type BlockImage = (
	pixels: Uint8ClampedArray<ArrayBuffer>,
	blocks: number
) => CanvasImageSource;

let scratch: HTMLCanvasElement | null = null;

/** The browser's BlockImage: a small canvas kept between draws. */
const canvasBlockImage: BlockImage = (pixels, blocks) => {
	scratch ??= document.createElement('canvas');
	if (scratch.width !== blocks || scratch.height !== blocks) {
		scratch.width = blocks;
		scratch.height = blocks;
	}
	scratch.getContext('2d')?.putImageData(new ImageData(pixels, blocks, blocks), 0, 0);
	return scratch;
};

/** A CSS colour as RGB: parsed directly, or normalised by a canvas first (e.g. a named colour). */
function toRGB(css: string): RGB {
	const direct = parseColour(css);
	if (direct || typeof document === 'undefined') return direct ?? [0, 0, 0];
	const probe = (scratch ??= document.createElement('canvas')).getContext('2d');
	if (!probe) return [0, 0, 0];
	probe.fillStyle = '#000';
	probe.fillStyle = css;
	return parseColour(String(probe.fillStyle)) ?? [0, 0, 0];
}

/**
 * Paints an n × n grid of scores into the square `size` × `size` (device pixels) at the origin
 * of `ctx`, rows as queries and columns as keys, as a checkerboard of squares. Cells smaller than a
 * pixel (or beyond MAX_BLOCKS per side) are merged into k × k blocks, and each square drawn is
 * a block. With `causal`, keys after the query (above the diagonal) are painted as masked; a
 * merged block on the diagonal is painted in proportion to its visible cells. Returns k.
 *
 * Cost: the squares are computed as one pixel each (contextGridPixels, at most 128 × 128) and
 * scaled up in a single drawImage without smoothing, so each device pixel is painted about once
 * and the cost does not depend on n. A last, partial block keeps its true width: the image is
 * scaled to whole blocks and the canvas clips the overhang.
 */
export function drawContextGrid(
	ctx: GridContext,
	n: number,
	size: number,
	colours: GridColours,
	options: { causal?: boolean; maxBlocks?: number; image?: BlockImage } = {}
): number {
	const causal = options.causal ?? false;
	ctx.globalAlpha = 1;
	ctx.fillStyle = colours.low;
	ctx.fillRect(0, 0, size, size);
	if (n <= 0) return 1;
	const k = blockSize(n, size, options.maxBlocks ?? MAX_BLOCKS);
	const blocks = blocksPerSide(n, k);
	const cell = size / n;
	const pixels = contextGridPixels(
		n,
		k,
		{ low: toRGB(colours.low), high: toRGB(colours.high), masked: toRGB(colours.masked) },
		causal,
		colours.shades
	);
	const image = (options.image ?? canvasBlockImage)(pixels, blocks);
	const side = blocks * k * cell;
	ctx.imageSmoothingEnabled = false;
	ctx.drawImage(image, 0, 0, blocks, blocks, 0, 0, side, side);
	// Lines between single cells once they are big enough to read as a table.
	if (k === 1 && cell >= 6 && ctx.beginPath && ctx.moveTo && ctx.lineTo && ctx.stroke) {
		ctx.strokeStyle = colours.line;
		ctx.lineWidth = Math.max(1, Math.round(size / 600));
		ctx.beginPath();
		for (let i = 0; i <= n; i++) {
			const p = Math.round(i * cell);
			ctx.moveTo(p, 0);
			ctx.lineTo(p, size);
			ctx.moveTo(0, p);
			ctx.lineTo(size, p);
		}
		ctx.stroke();
	}
	return k;
}

/** The side of the context-length view's grid, in viewBox units, whatever the context length. */
export const GRID_SIDE = 240;
