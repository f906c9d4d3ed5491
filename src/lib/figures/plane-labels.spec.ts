// Every plane the essay draws, read as a reader would: no label sits on another or on a tick's
// number, no arrow runs through a tick's number, no meaning's label straddles an axis, and none is
// cut off by the figure's edge. Rendered on the server from the real content, so a new step or a
// longer phrase in content/ is checked too.
// (A phrase's label may cross an axis: "one mole of carbon dioxide" is wider than the half of the
// plane its arrow ends in, and its halo keeps it legible.)
import { describe, expect, it, vi } from 'vitest';
import { figureHtml } from '$lib/server/figure-svg';
import { loadContent } from '$lib/server/content';
import { planeOf } from '$lib/manifest';
import { BOLD_WIDTH, entersBox, textWidth, type Box } from './layout.ts';

vi.mock('$lib/theme.css?raw', () => ({ default: '' }));
vi.mock('$lib/figures/figure.css?raw', () => ({ default: '' }));
vi.mock('$lib/figures/scale-views.css?raw', () => ({ default: '' }));

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (s: string) =>
	s
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

interface Label {
	id: string;
	text: string;
	box: Box;
}

/** The plane's labels with the boxes their text covers (as EmbeddingPlane measures them). */
function planeLabels(svg: string): Label[] {
	const out: Label[] = [];
	for (const m of svg.matchAll(/<text([^>]*data-label="[^"]*"[^>]*)>([^]*?)<\/text>/g)) {
		const tag = m[1];
		const cls = attr(tag, 'class') ?? '';
		const text = decode(m[2]);
		const size = cls.includes('fig-small') ? 11.5 : 12.5;
		const width = textWidth(text, size) * (cls.includes('fig-strong') ? BOLD_WIDTH : 1);
		const x = Number(attr(tag, 'x'));
		const y = Number(attr(tag, 'y'));
		const anchor = attr(tag, 'text-anchor');
		const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
		out.push({
			id: attr(tag, 'data-label') ?? '',
			text,
			box: { left, right: left + width, top: y - 14 * 0.8, bottom: y + 14 * 0.2 }
		});
	}
	return out;
}

/** The two axes (the first two lines the plane draws) and the tick numbers' boxes. */
function axes(svg: string) {
	const lines = [...svg.matchAll(/<line class="fig-axis-line"([^>]*)>/g)].map((m) => ({
		x1: Number(attr(m[1], 'x1')),
		y1: Number(attr(m[1], 'y1')),
		x2: Number(attr(m[1], 'x2')),
		y2: Number(attr(m[1], 'y2'))
	}));
	const [horizontal, vertical] = lines;
	const ticks: Box[] = [];
	for (const m of svg.matchAll(
		/<text class="fig-num fig-small fig-muted"([^>]*)>([^<]*)<\/text>/g
	)) {
		const x = Number(attr(m[1], 'x'));
		const y = Number(attr(m[1], 'y'));
		const w = textWidth(decode(m[2]), 11.5);
		const anchor = attr(m[1], 'text-anchor');
		// x ticks are centred under (or over) the axis; y ticks beside it, centred on their value
		// (dy 0.35em), ending left of it or starting right of it.
		ticks.push(
			anchor === 'end'
				? { left: x - w, right: x, top: y - 4.5, bottom: y + 4.5 }
				: anchor === 'start'
					? { left: x, right: x + w, top: y - 4.5, bottom: y + 4.5 }
					: { left: x - w / 2, right: x + w / 2, top: y - 9, bottom: y }
		);
	}
	return { horizontal, vertical, ticks };
}

const overlaps = (a: Box, b: Box) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const { manifest, model } = loadContent();
const planeSteps = manifest.chapters.flatMap((chapter) =>
	chapter.steps
		.map((step) => ({ chapter, step, svg: figureHtml(model, chapter, step) }))
		.filter(({ svg }) => svg.includes('data-view="plane"'))
		.map(({ chapter, step, svg }) => ({
			name: `${chapter.slug}/${step.id}`,
			svg,
			plane: planeOf(chapter, step.state)
		}))
);

describe('labels in the essay’s planes', () => {
	it('finds the planes, in every chapter, with their meanings’ labels', () => {
		const chapters = new Set(planeSteps.map((s) => s.name.split('/')[0]));
		expect(chapters).toEqual(new Set(manifest.chapters.map((c) => c.slug)));
		expect(planeSteps.some((s) => /data-label="m-/.test(s.svg))).toBe(true);
		expect(planeSteps.every((s) => planeLabels(s.svg).length > 0)).toBe(true);
	});

	it.each(planeSteps)('$name: no two labels overlap', ({ svg }) => {
		const labels = planeLabels(svg);
		const clashes = labels.flatMap((a, i) =>
			labels.slice(i + 1).flatMap((b) => (overlaps(a.box, b.box) ? [`${a.text} × ${b.text}`] : []))
		);
		expect(clashes).toEqual([]);
	});

	it.each(planeSteps)(
		'$name: no label covers a tick’s number or sits right up against it',
		({ svg }) => {
			const { ticks } = axes(svg);
			expect(ticks.length).toBeGreaterThan(0);
			// Beside a number, a label keeps clear of it by more than a space ("true 1" reads as one).
			const near = (t: Box) => ({ ...t, left: t.left - 6, right: t.right + 6 });
			const clashes = planeLabels(svg).flatMap(({ text, box }) =>
				ticks.filter((t) => overlaps(box, near(t))).map(() => `${text} × a tick`)
			);
			expect(clashes).toEqual([]);
		}
	);

	it('where there is room elsewhere, no label is set in the row of the x-axis’s numbers', () => {
		// On the mole's lookup "true" sat between "0.5" and "1", and read as one of them.
		for (const name of ['mole/mole-same-start', 'mole/chemistry-update']) {
			const { svg } = planeSteps.find((s) => s.name === name)!;
			const { ticks, horizontal } = axes(svg);
			// The x-axis's numbers: just under the axis (the y-axis's are beside theirs, farther down).
			const row = ticks.filter((t) => t.top >= horizontal.y1 - 1 && t.top < horizontal.y1 + 20);
			expect(row.length, name).toBeGreaterThan(1);
			// The row's numbers, from the first to the last (a label just under it may touch it).
			const band = {
				left: Math.min(...row.map((t) => t.left)),
				right: Math.max(...row.map((t) => t.right)),
				top: Math.min(...row.map((t) => t.top)) + 0.5,
				bottom: Math.max(...row.map((t) => t.bottom)) - 0.5
			};
			const inRow = planeLabels(svg).filter(({ box }) => overlaps(box, band));
			expect(
				inRow.map((l) => l.text),
				name
			).toEqual([]);
		}
	});

	it.each(planeSteps)('$name: no arrow runs through a tick’s number', ({ svg }) => {
		const arrows = [...svg.matchAll(/<line class="fig-arrow[^"]*"([^>]*)>/g)].map((m) =>
			['x1', 'y1', 'x2', 'y2'].map((k) => Number(attr(m[1], k)))
		);
		expect(arrows.length).toBeGreaterThan(0);
		const clashes = axes(svg).ticks.filter((t) =>
			arrows.some(([x1, y1, x2, y2]) => entersBox(x1, y1, x2, y2, t) !== null)
		);
		expect(clashes).toEqual([]);
	});

	it.each(planeSteps)('$name: each axis keeps a number to read its scale by', ({ svg }) => {
		const anchors = [...svg.matchAll(/<text class="fig-num fig-small fig-muted"([^>]*)>/g)].map(
			(m) => attr(m[1], 'text-anchor')
		);
		expect(anchors.filter((a) => a === 'middle').length).toBeGreaterThan(0);
		expect(anchors.filter((a) => a === 'start' || a === 'end').length).toBeGreaterThan(0);
	});

	it.each(planeSteps)(
		'$name: the axes’ names sit clear of the labels and of each other',
		({ svg }) => {
			const titles = [...svg.matchAll(/<text class="fig-axis[^"]*"([^>]*)>([^<]*)</g)].map((m) => {
				const text = decode(m[2]);
				const x = Number(attr(m[1], 'x'));
				const y = Number(attr(m[1], 'y'));
				const w = textWidth(text, 12) * 1.15;
				const left = attr(m[1], 'text-anchor') === 'end' ? x - w : x;
				return { text, box: { left, right: left + w, top: y - 11, bottom: y + 3 } };
			});
			expect(titles.length).toBeGreaterThanOrEqual(2);
			const all = [...titles, ...planeLabels(svg)];
			const clashes = titles.flatMap((a) =>
				all.filter((b) => b !== a && overlaps(a.box, b.box)).map((b) => `${a.text} × ${b.text}`)
			);
			expect(clashes).toEqual([]);
		}
	);

	it('names the far end of the mole’s across axis', () => {
		const step = planeSteps.find((s) => s.name === 'mole/three-arrows')!;
		expect(step.svg).toContain('>← chemistry, skin</text>');
	});

	it.each(planeSteps)('$name: no meaning’s label straddles an axis', ({ svg }) => {
		const { horizontal, vertical } = axes(svg);
		const clashes: string[] = [];
		for (const { id, text, box } of planeLabels(svg)) {
			if (!id.startsWith('m-')) continue;
			if (box.left < vertical.x1 && vertical.x1 < box.right) clashes.push(`${text} × vertical`);
			if (box.top < horizontal.y1 && horizontal.y1 < box.bottom)
				clashes.push(`${text} × horizontal`);
		}
		expect(clashes).toEqual([]);
	});

	/**
	 * Labels with the distance from each to its own arrow's head and to the nearest other head
	 * (heads where its own ends, as "fluffy" and "blue" do, are its own too).
	 */
	function headDistances(svg: string) {
		// Each arrow's head is the first point of its path; a word's arrow is "o-<word>", named by
		// the label whose text lists that word.
		const heads = [
			...svg.matchAll(/<g class="fig-vector" data-arrow="([^"]*)"[^>]*>([^]*?)<\/g>/g)
		].flatMap((m) => {
			const tip = /<path[^>]*d="M([\d.-]+) ([\d.-]+)/.exec(m[2]);
			return tip && !m[1].startsWith('w-') ? [{ id: m[1], x: +tip[1], y: +tip[2] }] : [];
		});
		return planeLabels(svg).flatMap(({ id, text, box }) => {
			const names = (h: { id: string }) =>
				h.id === id || (id.startsWith('o-') && text.split(', ').includes(h.id.slice(2)));
			const own = heads.filter(names);
			if (own.length === 0) return [];
			const away = (h: { x: number; y: number }) =>
				Math.hypot(
					Math.max(box.left - h.x, 0, h.x - box.right),
					Math.max(box.top - h.y, 0, h.y - box.bottom)
				);
			const shared = (h: { x: number; y: number }) =>
				own.some((o) => Math.hypot(o.x - h.x, o.y - h.y) < 1);
			const others = heads.filter((h) => !names(h) && !shared(h));
			return [
				{
					text,
					own: Math.min(...own.map(away)),
					other: Math.min(Infinity, ...others.map(away)),
					nearest: others.sort((a, b) => away(a) - away(b))[0]?.id
				}
			];
		});
	}

	it.each(planeSteps)(
		'$name: no other arrow or meaning’s ray runs through the label of an arrow or a meaning',
		({ svg }) => {
			// Each arrow (by its data-arrow) and ray (by its meaning), with the label that names it.
			const coords = (tag: string) => ['x1', 'y1', 'x2', 'y2'].map((k) => Number(attr(tag, k)));
			const lines = [
				...[
					...svg.matchAll(/<g class="fig-vector" data-arrow="([^"]*)"[^>]*>\s*<line([^>]*)>/g)
				].map((m) => ({ owner: m[1], at: coords(m[2]) })),
				...[...svg.matchAll(/<line class="fig-ray" data-meaning="([^"]*)"([^>]*)>/g)].map((m) => ({
					owner: `m-${m[1]}`,
					at: coords(m[2])
				}))
			];
			expect(lines.length).toBeGreaterThan(0);
			// The lookups' and the phrases' labels (and a lookup's second line), and the meanings'.
			// The other words' grey labels come last and may be crossed where the plane is crowded.
			const named = planeLabels(svg).filter(({ id }) => /^[eum]-/.test(id));
			const clashes = named.flatMap(({ id, text, box }) =>
				lines
					.filter(({ owner }) => owner !== id.replace(/-note$/, ''))
					.filter(({ at: [x1, y1, x2, y2] }) => entersBox(x1, y1, x2, y2, box) !== null)
					.map(({ owner }) => `${text} × ${owner}`)
			);
			expect(clashes).toEqual([]);
		}
	);

	it('words whose arrows end at one spot share one label there', () => {
		// "fluffy" and "blue" both land on the colour, texture axis at the same length.
		const step = planeSteps.find((s) => s.name === 'fluffy-creature/fluffy-lookups')!;
		const texts = planeLabels(step.svg).map((l) => l.text);
		expect(texts).toContain('fluffy, blue');
		expect(texts).not.toContain('fluffy');
		expect(texts).not.toContain('blue');
	});

	it('the towers’ labels each sit well away from the other arrows’ heads', () => {
		// "tower" was set just left of the head of "Eiffel tower": with the head between them the two
		// labels read as one phrase, "tower Eiffel tower".
		for (const name of ['mole/tower-alone', 'mole/eiffel-tower', 'mole/miniature-eiffel-tower']) {
			const step = planeSteps.find((s) => s.name === name)!;
			const labels = headDistances(step.svg).filter((l) => !l.text.includes('phrases'));
			expect(labels.length, name).toBeGreaterThan(0);
			for (const l of labels) {
				expect(l.other, `${name}: ${l.text} × ${l.nearest}`).toBeGreaterThanOrEqual(l.own * 1.5);
			}
		}
	});

	it.each(planeSteps)('$name: every label is inside the figure, clear of its sides', ({ svg }) => {
		const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)?.[1]);
		expect(width).toBeGreaterThan(0);
		for (const { text, box } of planeLabels(svg)) {
			// Inside, with the margin the title keeps (it starts 6 units in).
			expect(box.left, text).toBeGreaterThanOrEqual(6);
			expect(box.right, text).toBeLessThanOrEqual(width - 6);
		}
	});
});
