// Reading the essay top to bottom and back: the figure follows every step, in order.
import { expect, test, type Page } from '@playwright/test';
import {
	allSteps,
	canvasSizes,
	expectAddressOfShownStep,
	openLive,
	proseAboveLaidOut,
	recordCanvasSizes,
	recordFigureSteps,
	recordedSteps,
	wheelThrough
} from './helpers';

for (const viewport of [
	{ name: 'desktop', width: 1280, height: 800 },
	{ name: 'phone', width: 390, height: 844 }
]) {
	test(`scrolling down and up visits every step in order (${viewport.name})`, async ({
		page,
		request
	}) => {
		test.setTimeout(120_000);
		const steps = await allSteps(request);
		await page.setViewportSize(viewport);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/');
		await recordFigureSteps(page);

		await wheelThrough(page, 250);
		const down = await recordedSteps(page);
		expect(down).toEqual(steps.map((s) => s.id));

		await recordFigureSteps(page);
		await wheelThrough(page, -250);
		const up = await recordedSteps(page);
		expect(up).toEqual(steps.map((s) => s.id).reverse());
	});
}

test('every step element declares its id and stage, as the index does', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.goto('/');
	const found = await page.$$eval('article.step', (els) =>
		els.map((el) => ({ id: el.id, stage: el.getAttribute('data-stage') }))
	);
	expect(found).toEqual(steps.map((s) => ({ id: s.id, stage: s.stage })));
});

test('the figure drawing changes between consecutive stages', async ({ page, request }) => {
	test.setTimeout(90_000);
	const steps = await allSteps(request);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	let previous: { id: string; svg: string } | null = null;
	for (const step of steps) {
		await page.goto(`/${step.chapter}/${step.id}/`);
		const fig = page.locator('.figure-pane [data-step]');
		await expect(fig).toHaveAttribute('data-step', step.id);
		await expect(fig).toHaveAttribute('data-stage', step.stage);
		const svg = await fig.locator('svg').first().innerHTML();
		expect(svg.length).toBeGreaterThan(200);
		if (previous) expect(svg, `${previous.id} → ${step.id}`).not.toBe(previous.svg);
		previous = { id: step.id, svg };
	}
});

test('the address bar follows the active step without adding history entries', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/');
	const startLength = await page.evaluate(() => history.length);
	await page.mouse.move(200, 300);
	for (let i = 0; i < 60; i++) {
		await page.mouse.wheel(0, 250);
		await page.waitForTimeout(40);
	}
	await expect(page).not.toHaveURL(/localhost:\d+\/$/);
	await expectAddressOfShownStep(page, steps);
	expect(await page.evaluate(() => history.length)).toBe(startLength);
});

test('a steady scroll writes no address until the reader stops, then the step it stopped on', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openLive(page, '/');
	// Record each history write (each costs the browser main-thread time), with how long the page
	// had gone without a scroll event when it was made.
	await page.evaluate(() => {
		const w = window as unknown as { __writes: { url: string; quiet: number }[] };
		w.__writes = [];
		let scrolledAt = -Infinity;
		addEventListener('scroll', () => (scrolledAt = performance.now()), { passive: true });
		const replace = history.replaceState.bind(history);
		history.replaceState = (data, unused, url) => {
			w.__writes.push({ url: String(url), quiet: performance.now() - scrolledAt });
			replace(data, unused, url);
		};
	});
	await recordFigureSteps(page);
	await page.mouse.move(200, 300);
	// 50 px every 16 ms (or as fast as the wheel events go through) for 5 s: the steps passed stay
	// active for longer than ADDRESS_MS (250 ms), which used to be enough for their address to be
	// written mid-scroll.
	const start = Date.now();
	for (let i = 1; Date.now() - start < 5000; i++) {
		await page.mouse.wheel(0, 50);
		const wait = start + i * 16 - Date.now();
		if (wait > 0) await page.waitForTimeout(wait);
	}
	expect((await recordedSteps(page)).length, 'the scroll went past several steps').toBeGreaterThan(
		2
	);
	// Stopped: the address catches up.
	await expectAddressOfShownStep(page, steps);
	// Every write waited for the scrolling to stop (a slow test machine may pause the wheel long
	// enough for one mid-way; that one waited too).
	const writes = await page.evaluate(
		() => (window as unknown as { __writes: { url: string; quiet: number }[] }).__writes
	);
	expect(writes.length).toBeGreaterThanOrEqual(1);
	for (const write of writes) expect(write.quiet, write.url).toBeGreaterThanOrEqual(250);
});

test('after a jump that carries steps past the reading line, the figure shows the step read there', async ({
	page,
	request
}) => {
	// A phone: the figure pinned at the top, the prose below it, room between steps. A jump (a
	// chapter link, the scrollbar, End) can move a step from below the line to above it between two
	// frames, so it never crosses the line; the figure must not stay on the step before the jump.
	const steps = await allSteps(request);
	const ids = steps.map((s) => s.id);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.emulateMedia({ reducedMotion: 'reduce' });
	const open = async () => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		await page.mouse.move(100, 100);
	};
	await open();
	// The room under each step (after the first) before the next one, in page coordinates.
	const gaps = await page.evaluate((ids) => {
		const top = (id: string) => document.getElementById(id)!.getBoundingClientRect().top + scrollY;
		const bottom = (id: string) =>
			document.getElementById(id)!.getBoundingClientRect().bottom + scrollY;
		return ids.slice(1, -1).map((id, i) => ({ id, from: bottom(id), to: top(ids[i + 2]) }));
	}, ids);
	const roomy = gaps.filter((g) => g.to - g.from > 60);
	expect(roomy.length, 'steps with room under them').toBeGreaterThan(1);
	// The first such step, and the one with the most room (a chapter's last, before its try-it).
	const widest = roomy.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
	for (const gap of new Set([roomy[0], widest])) {
		await open();
		// Jump from the top so the line falls in that room: no step spans the line, none crossed it.
		await page.evaluate(
			(y) => window.scrollTo({ top: y - 0.78 * innerHeight, behavior: 'instant' }),
			(gap.from + gap.to) / 2
		);
		await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', gap.id);
		await expectAddressOfShownStep(page, steps);
	}
});

for (const viewport of [
	{ name: 'desktop', width: 1280, height: 800, line: 0.55 },
	{ name: 'phone', width: 390, height: 844, line: 0.78 }
]) {
	test(`between chapters the figure steps aside: over a try-it and the next chapter’s opening (${viewport.name})`, async ({
		page,
		request
	}) => {
		const steps = await allSteps(request);
		const last = steps.filter((s) => s.chapter === 'hot-dog').at(-1)!;
		const first = steps.find((s) => s.chapter === 'mole')!;
		await page.setViewportSize(viewport);
		await page.goto(`/${last.chapter}/${last.id}/`);
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		await page.mouse.move(100, 100);
		const pane = page.locator('.figure-pane');
		const label = page.locator('.figure-label');
		/** Still shown once the scroll's reports are in and a fade would have run (0.3 s). */
		const staysShown = async () => {
			await page.waitForTimeout(450);
			await expect(pane).not.toHaveClass(/\bbetween\b/);
			await expect(pane).toBeVisible();
		};
		await staysShown();
		/** Scrolls so the top of `selector` sits at `at` of the window's height. */
		const place = (selector: string, at: number) =>
			page.evaluate(
				([selector, at]) => {
					const el = document.querySelector(selector as string)!;
					window.scrollBy({
						top: el.getBoundingClientRect().top - (at as number) * innerHeight,
						behavior: 'instant'
					});
				},
				[selector, at]
			);
		const tryit = '.tryit-slot[data-chapter="hot-dog"]';
		// Just above the try-it: still the chapter's last step.
		await place(tryit, viewport.line + 0.05);
		await expect(label).toHaveText(/^Hot dog · /);
		await staysShown();
		// The try-it at the line: the pane steps aside.
		await place(tryit, viewport.line - 0.05);
		await expect(pane).toBeHidden();
		// The next chapter's heading and opening at the line, its first step still below it.
		await place('#mole-title', viewport.line - 0.05);
		const below = await page.evaluate(
			(id) => document.getElementById(id)!.getBoundingClientRect().top / innerHeight,
			first.id
		);
		expect(below).toBeGreaterThan(viewport.line);
		await expect(pane).toBeHidden();
		// The first step at the line: the pane is back, on that step.
		await place(`#${first.id}`, viewport.line - 0.05);
		await expect(pane).toBeVisible();
		await expect(label).toHaveText(/^Mole · /);
		await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', first.id);
		// And back up into the opening: aside again.
		await place(`#${first.id}`, viewport.line + 0.1);
		await expect(pane).toBeHidden();
	});
}

test('opened at a chapter’s heading (/#mole), J goes to that chapter’s first step', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const first = steps.find((s) => s.chapter === 'mole')!;
	// A phone: the reading line falls in the chapter's opening, between two steps.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/#mole');
	await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
	const line = await page.evaluate(
		(id) => document.getElementById(id)!.getBoundingClientRect().top / innerHeight,
		first.id
	);
	expect(line).toBeGreaterThan(0.78);
	await expect(page.locator('.figure-pane')).toBeHidden();
	// Behind it, the figure is the step a scroll down to here shows (hot dog's last), not the first.
	const last = steps.filter((s) => s.chapter === 'hot-dog').at(-1)!;
	await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', last.id);
	await page.keyboard.press('j');
	await expect(page.locator('article.step.active')).toHaveAttribute('id', first.id);
	await expect(page.locator('.figure-pane')).toBeVisible();
	await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', first.id);
});

test('no console errors while reading', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/');
	await wheelThrough(page, 800);
	expect(errors).toEqual([]);
});

test('the active step is marked as the reader moves, and only that one', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await openLive(page, '/');
	await expect(page.locator('article.step.active')).toHaveAttribute('id', steps[0].id);
	for (let i = 0; i < 3; i++) await page.keyboard.press('j');
	await expect(page.locator('article.step.active')).toHaveAttribute('id', steps[3].id);
	await expect(page.locator('article.step.active')).toHaveCount(1);
	// What a reader sees of it beside the sticky figure: a rule in the margin of that step only, and
	// the prose of every step in the same colour.
	const look = await page.evaluate(() =>
		[...document.querySelectorAll('article.step')].map((el) => ({
			active: el.classList.contains('active'),
			rule: Number(getComputedStyle(el, '::before').opacity),
			color: getComputedStyle(el).color
		}))
	);
	expect(look.filter((s) => s.rule > 0).length).toBe(1);
	expect(look.find((s) => s.rule > 0)?.active).toBe(true);
	expect(new Set(look.map((s) => s.color)).size).toBe(1);
});

test('J then K pressed back to back returns to the same step, and the figure stays there', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const start = steps.findIndex((s) => s.id === 'softmax');
	expect(start).toBeGreaterThan(0);
	await page.emulateMedia({ reducedMotion: 'reduce' }); // instant scrolls: the fastest case
	await openLive(page, `/${steps[start].chapter}/${steps[start].id}/`);
	// Several rounds: a late report from the scroller for the step passed on the way used to win.
	for (let round = 0; round < 6; round++) {
		const here = steps[start + round];
		await page.keyboard.press('j');
		await page.keyboard.press('k');
		await page.waitForTimeout(400);
		await expect(page.locator('article.step.active')).toHaveAttribute('id', here.id);
		await expect(page.locator('.figure-sticky figure')).toHaveAttribute('data-step', here.id);
		await expect(page).toHaveURL(new RegExp(`/${here.chapter}/${here.id}/$`));
		// Then one step on, for the next round.
		await page.keyboard.press('j');
		await expect(page.locator('article.step.active')).toHaveAttribute(
			'id',
			steps[start + round + 1].id
		);
	}
});

test('a receding row of the parameter count fades as one group, not square by square', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const step = steps.find((s) => s.id === 'count-all-heads');
	expect(step).toBeTruthy();
	await page.goto(`/${step!.chapter}/${step!.id}/`);
	const figure = page.locator('.figure-pane figure').first();
	const dimmed = figure.locator('.sv-param-row.sv-dim');
	expect(await dimmed.count()).toBeGreaterThan(0);
	const styles = await dimmed.evaluateAll((rows) =>
		rows.map((row) => {
			const glyph = row.querySelector('.sv-glyph')!;
			const squares = [...glyph.querySelectorAll('rect')].map((r) => getComputedStyle(r));
			return {
				glyph: getComputedStyle(glyph).opacity,
				glyphFades: getComputedStyle(glyph).transitionDuration,
				squares: [...new Set(squares.map((s) => `${s.opacity} ${s.transitionDuration}`))],
				text: getComputedStyle(row.querySelector('text')!).opacity
			};
		})
	);
	for (const row of styles) {
		expect(row).toEqual({
			glyph: '0.45',
			glyphFades: '0.3s',
			squares: ['1 0s'],
			text: '1'
		});
	}
});

test('the context-length slider is live near its step and gone far from it', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const at = steps.findIndex((s) => s.stage === 'context-length');
	expect(at).toBeGreaterThan(0);
	const step = steps[at];
	await openLive(page, `/${step.chapter}/${step.id}/`);
	const control = page.locator('.context-control').getByRole('slider');
	// The figure goes live at the first move; the slider comes with it.
	await page.keyboard.press('j');
	await page.keyboard.press('k');
	await expect(page.locator(`article#${step.id} .context-control`).getByRole('slider')).toHaveCount(
		1
	);
	// Far back in the essay it is taken away again.
	await page.goto(`/${step.chapter}/${step.id}/`);
	for (let i = 0; i < 4; i++) await page.keyboard.press('k');
	await expect(page.locator('article.step.active')).toHaveAttribute('id', steps[at - 4].id);
	await expect(control).toHaveCount(0);
});

test('without the browser’s scroll anchoring, nothing laid out or mounted above the screen moves the text', async ({
	page,
	request
}) => {
	// Safari has no scroll anchoring; Chromium's is turned off here, on the root as soon as it
	// exists, to stand in for it.
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (!document.documentElement) return;
			document.documentElement.style.setProperty('overflow-anchor', 'none');
			observer.disconnect();
		}).observe(document, { childList: true });
	});
	await page.setViewportSize({ width: 390, height: 844 });
	const steps = await allSteps(request);
	const i = steps.findIndex((s) => s.id === 'embarrassingly-parallel');
	const [here, next] = [steps[i], steps[i + 1]];
	await page.goto(`/${here.chapter}/${here.id}/`, { waitUntil: 'networkidle' });
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflowAnchor)).toBe(
		'none'
	);
	const top = (id: string) =>
		page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, id);
	// The first move lays out the prose above the step, a block at a time, and mounts the slider.
	const opened = await top(here.id);
	// Where the step is as soon as the slider's markup arrives, before the next frame: a step out of
	// place until then could be taken for another at the line (as the scroll's pause looks).
	await page.evaluate((id) => {
		const slot = document.querySelector('.context-control')!;
		const seen: number[] = [];
		(window as unknown as { slotSeen: number[] }).slotSeen = seen;
		new MutationObserver(() =>
			seen.push(document.getElementById(id)!.getBoundingClientRect().top)
		).observe(slot, { childList: true, subtree: true });
	}, here.id);
	await page.mouse.move(200, 200);
	const control = page.locator('.context-control .clc');
	await expect(control).toBeAttached();
	await expect(page.locator('.chapter .prose:not(.laid-out)').first()).toBeAttached();
	await expect
		.poll(() =>
			page.evaluate(
				(id) =>
					[...document.querySelectorAll('.chapter .prose:not(.laid-out)')].filter(
						(p) => p.compareDocumentPosition(document.getElementById(id)!) & 4
					).length,
				here.id
			)
		)
		.toBe(0);
	const seen = await page.evaluate(() => (window as unknown as { slotSeen: number[] }).slotSeen);
	expect(seen.length).toBeGreaterThan(0);
	for (const at of seen) expect(Math.abs(at - opened)).toBeLessThan(4);
	expect(Math.abs((await top(here.id)) - opened)).toBeLessThan(4);
	/** Scroll so the step's top sits at 40% of the screen, and say where it is now. */
	const bring = (id: string) =>
		page.evaluate((id) => {
			const el = document.getElementById(id)!;
			window.scrollBy(0, el.getBoundingClientRect().top - innerHeight * 0.4);
			return el.getBoundingClientRect().top;
		}, id);
	// Reading on: the next step goes active and the slider, above the screen, is taken away.
	const before = await bring(next.id);
	await expect(page.locator('article.step.active')).toHaveAttribute('id', next.id);
	await expect(control).toHaveCount(0);
	await page.waitForTimeout(300);
	expect(Math.abs((await top(next.id)) - before)).toBeLessThan(4);
	// Back up: the slider's step's neighbour goes active, and it comes back above the screen.
	const back = await bring(here.id);
	await expect(page.locator('article.step.active')).toHaveAttribute('id', here.id);
	await expect(control).toBeAttached();
	await page.waitForTimeout(300);
	expect(Math.abs((await top(here.id)) - back)).toBeLessThan(4);
});

/** A screenshot as a data URL, for the page to decode. */
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/**
 * Give the page one PNG decoder, `__pixels(src)` (the RGBA bytes of a data URL), for the helpers
 * below to share.
 */
async function withDecoder(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { __pixels?: (src: string) => Promise<Uint8ClampedArray> };
		w.__pixels ??= async (src: string) => {
			const img = new Image();
			img.src = src;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.naturalWidth;
			c.height = img.naturalHeight;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			return ctx.getImageData(0, 0, c.width, c.height).data;
		};
	});
}

type Decoder = { __pixels: (src: string) => Promise<Uint8ClampedArray> };

/** The mean red, green and blue of a screenshot. */
async function meanColour(page: Page, png: Buffer): Promise<number[]> {
	await withDecoder(page);
	return page.evaluate(async (src) => {
		const data = await (window as unknown as Decoder).__pixels(src);
		const sum = [0, 0, 0];
		for (let i = 0; i < data.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += data[i + k];
		return sum.map((v) => v / (data.length / 4));
	}, dataUrl(png));
}

/**
 * The share of pixels that differ between two screenshots (a sum of channel differences over 60:
 * anti-aliasing and sub-pixel placement stay under it).
 */
async function share(page: Page, a: Buffer, b: Buffer): Promise<number> {
	await withDecoder(page);
	return page.evaluate(async (srcs) => {
		const decode = (window as unknown as Decoder).__pixels;
		const [p, q] = await Promise.all(srcs.map(decode));
		let n = 0;
		for (let i = 0; i < p.length; i += 4) {
			const d =
				Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]);
			if (d > 60) n++;
		}
		return n / (p.length / 4);
	}, [a, b].map(dataUrl));
}

test('cross-attention: the live figure paints a grid of the words written by the source’s words', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const step = steps.find((s) => s.id === 'cross-attention')!;
	const data = await (await request.get(`/data/${step.chapter}/${step.id}.json`)).json();
	const [sentence] = data.sentences;
	const keys: string[] = sentence.source.tokens;
	expect(sentence.tokens.length).toBeLessThan(keys.length);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openLive(page, `/${step.chapter}/${step.id}/`);
	const svgValues = await page
		.locator('.figure-pane .figure-static .fig-cell')
		.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
	expect(svgValues).toHaveLength(sentence.tokens.length * keys.length);
	// Wake the live figure, and come back to the step.
	const next = steps[steps.indexOf(step) + 1];
	await page.keyboard.press('j');
	const fig = page.locator('.figure-pane [data-step]');
	await expect(fig).toHaveAttribute('data-step', next.id);
	await page.keyboard.press('k');
	await expect(fig).toHaveAttribute('data-step', step.id);
	const grid = fig.locator('.fig-grid');
	await expect(grid).toHaveAttribute('data-cross', 'true');
	await expect(grid).toHaveAttribute('data-tokens', String(sentence.tokens.length));
	await expect(grid).toHaveAttribute('data-keys', String(keys.length));
	const canvas = fig.locator('canvas.fig-grid-canvas.fig-canvas-shown');
	await expect(canvas).toHaveAttribute('data-values', svgValues.join(' '));
	// The columns are labelled with the source's words, the rows with the words written.
	const texts = await grid
		.locator('text.fig-label.fig-k')
		.evaluateAll((ts) => ts.filter((t) => !t.closest('.fig-cross')).map((t) => t.textContent));
	expect(texts.map((t) => t?.trim())).toEqual(keys);
	// Under them, the focused query's links into the source: one to each source word.
	const cross = grid.locator('.fig-cross');
	await expect(cross).toHaveAttribute('data-query', data.query);
	expect(
		await cross.locator('line.fig-link').evaluateAll((ls) => ls.map((l) => l.dataset.key))
	).toEqual(keys);
	const rows = await grid
		.locator('.fig-row')
		.evaluateAll((r) => r.map((g) => g.getAttribute('data-query')));
	expect(rows).toEqual(sentence.tokens);
	// The focused row's outline spans every column: as wide as the canvas's grid.
	const [outline, painted] = await Promise.all([
		fig.locator('.fig-row-focus').boundingBox(),
		canvas.evaluate((c: HTMLCanvasElement, m: number) => {
			const perCss = c.width / c.getBoundingClientRect().width;
			return ((m * Number(c.dataset.cell) + 1) * Number(c.dataset.scale)) / perCss;
		}, keys.length)
	]);
	expect(Math.abs(painted - outline!.width)).toBeLessThan(4);
});

test('the live figure paints a grid step’s cells into a canvas: same numbers, over the cells, in the theme’s colours', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const step = steps.find((s) => s.stage === 'mask');
	expect(step).toBeTruthy();
	await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
	await openLive(page, `/${step!.chapter}/${step!.id}/`);
	// Before the first move the prerendered figure draws its cells in SVG; keep what they say.
	const svgValues = await page
		.locator('.figure-pane .figure-static .fig-cell')
		.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
	expect(svgValues.length).toBeGreaterThan(8);
	const clip = (await page.locator('.figure-sticky').boundingBox())!;
	const before = await page.screenshot({ clip });
	// The first move wakes the live figure; move back once the next step is active.
	const next = steps[steps.indexOf(step!) + 1];
	await page.keyboard.press('j');
	const fig = page.locator('.figure-pane [data-step]');
	await expect(fig).toHaveAttribute('data-step', next.id);
	await page.keyboard.press('k');
	await expect(fig).toHaveAttribute('data-step', step!.id);
	const canvas = fig.locator('canvas.fig-grid-canvas.fig-canvas-shown');
	await expect(canvas).toHaveCount(1);
	await expect(fig.locator('.fig-cell')).toHaveCount(0);
	await expect(canvas).toHaveAttribute('data-values', svgValues.join(' '));
	// The canvas lies over the SVG's viewBox, and paints the cells where the SVG has them: the
	// grid it paints spans the focused row's outline, less the outline's one unit on each side
	// (it is drawn 1 unit outside the cells).
	const [box, svgBox, outline, grid] = await Promise.all([
		canvas.boundingBox(),
		fig.locator('svg.fig-svg').boundingBox(),
		fig.locator('.fig-row-focus').boundingBox(),
		canvas.evaluate((c: HTMLCanvasElement) => {
			const n = (c.dataset.values ?? '').split(' ').length ** 0.5;
			const [x] = (c.dataset.offset ?? '').split(' ').map(Number);
			const perCss = c.width / c.getBoundingClientRect().width;
			return {
				left: x / perCss,
				width: ((n * Number(c.dataset.cell) + 1) * Number(c.dataset.scale)) / perCss
			};
		})
	]);
	expect(box && svgBox && outline).toBeTruthy();
	expect(Math.abs(box!.width - Math.min(svgBox!.width, svgBox!.height))).toBeLessThan(1);
	expect(Math.abs(box!.x + grid.left - outline!.x)).toBeLessThan(3);
	expect(Math.abs(grid.width - outline!.width)).toBeLessThan(4);
	// The same picture as the SVG cells, hatching on the masked ones included (the canvas keeps it
	// in a layer of its own and copies it back a row at a time).
	await page.waitForTimeout(300);
	expect(await share(page, before, await page.screenshot({ clip }))).toBeLessThan(0.02);
	// Painted, and repainted in the dark theme's colours when the reader switches (the mean of
	// the pixels painted: the canvas is clear outside the grid).
	const mean = () =>
		canvas.evaluate((c: HTMLCanvasElement) => {
			const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
			let sum = 0;
			let painted = 0;
			for (let i = 0; i < data.length; i += 4) {
				if (data[i + 3] === 0) continue;
				sum += data[i] + data[i + 1] + data[i + 2];
				painted++;
			}
			return sum / painted / 3;
		});
	const light = await mean();
	expect(light).toBeGreaterThan(120);
	await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
	await expect.poll(mean).toBeLessThan(light - 60);
});

test('in dark mode rows out of focus keep more of their colour, alike in the SVG and the canvas', async ({
	page,
	request
}) => {
	// A faint blue on the dark page reads as no colour, so dark mode fades less (theme.css).
	const steps = await allSteps(request);
	const step = steps.find((s) => s.stage === 'mask');
	await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
	await openLive(page, `/${step!.chapter}/${step!.id}/`);
	const fades = await page
		.locator('.figure-pane .figure-static .fig-cell-pos')
		.evaluateAll((rects) => rects.map((r) => Number(getComputedStyle(r).opacity)));
	expect(new Set(fades)).toEqual(new Set([1, 0.7]));
	const clip = (await page.locator('.figure-sticky').boundingBox())!;
	const before = await page.screenshot({ clip });
	// A corner of the strongest cell out of focus (clear of its number), in each picture.
	const cell = await page
		.locator('.figure-pane .figure-static .fig-cell-pos.fig-row-out')
		.evaluateAll((rects) => {
			const top = rects.reduce((a, b) =>
				Number(b.getAttribute('fill-opacity')) > Number(a.getAttribute('fill-opacity')) ? b : a
			);
			const r = top.getBoundingClientRect();
			return { x: r.x + 3, y: r.y + 3, width: 4, height: 4 };
		});
	const corner = async () => meanColour(page, await page.screenshot({ clip: cell }));
	const svgCorner = await corner();
	const next = steps[steps.indexOf(step!) + 1];
	const fig = page.locator('.figure-pane [data-step]');
	await page.keyboard.press('j');
	await expect(fig).toHaveAttribute('data-step', next.id);
	await page.keyboard.press('k');
	await expect(fig).toHaveAttribute('data-step', step!.id);
	await expect(fig.locator('canvas.fig-grid-canvas.fig-canvas-shown')).toHaveCount(1);
	await page.waitForTimeout(300);
	expect(await share(page, before, await page.screenshot({ clip }))).toBeLessThan(0.02);
	const canvasCorner = await corner();
	// The corner is coloured (not the page), and both draw it alike.
	expect(svgCorner[2] - svgCorner[0]).toBeGreaterThan(40);
	const apart = svgCorner.reduce((sum, v, i) => sum + Math.abs(v - canvasCorner[i]), 0);
	expect(apart).toBeLessThan(12);
});

test('a step change never resizes the figure’s SVG, which would lay out every element in it again', async ({
	page,
	browser,
	request
}) => {
	// Chromium's invalidation tracking says why each element needed layout. With the figure's size
	// taken from its content (flex-basis auto), each step change had the flexbox measure the SVG at
	// another size first, and lay out all of it twice.
	const steps = await allSteps(request);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openLive(page, `/${steps[0].chapter}/${steps[0].id}/`);
	const svg = page.locator('.figure-pane figure[data-step] > svg');
	const before = await svg.boundingBox();
	await browser.startTracing(page, {
		categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking']
	});
	for (let i = 1; i <= 4; i++) {
		await page.keyboard.press('j');
		await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute(
			'data-step',
			steps[i].id
		);
		await page.waitForTimeout(100);
	}
	const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as {
		name: string;
		args?: { data?: { nodeName?: string; reason?: string } };
	}[];
	const tracked = events.filter((e) => e.name === 'LayoutInvalidationTracking');
	expect(tracked.length, 'the trace recorded layout invalidations').toBeGreaterThan(0);
	const resized = tracked.filter(
		(e) => /fig-svg/.test(e.args?.data?.nodeName ?? '') && e.args?.data?.reason === 'Size changed'
	);
	expect(resized, 'layouts that resized the figure’s SVG').toEqual([]);
	// And the figure still fills the pane as before.
	expect(await svg.boundingBox()).toEqual(before);
	const pane = await page.locator('.figure-sticky').boundingBox();
	expect(before!.height).toBeGreaterThan(pane!.height * 0.8);
});

test('the live figure keeps its two canvases, at one size, through every step of the essay', async ({
	page,
	request
}) => {
	// A new canvas, or one given a new size, costs its first frames about 10 ms more to allocate
	// and draw than a canvas drawn again: on this figure, a dropped frame at each change of view.
	test.setTimeout(120_000);
	const steps = await allSteps(request);
	await recordCanvasSizes(page);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openLive(page, `/${steps[0].chapter}/${steps[0].id}/`);
	const live = page.locator('.figure-pane .figure-live');
	const mark = () =>
		live.locator('figure[data-step] > canvas').evaluateAll((cs) =>
			cs.map((c, i) => {
				const el = c as HTMLCanvasElement & { __mark?: number };
				el.__mark ??= i + 1;
				return el.__mark;
			})
		);
	const views = new Set<string>();
	for (let i = 1; i < steps.length; i++) {
		await page.keyboard.press('j');
		await expect(live.locator('figure[data-step]')).toHaveAttribute('data-step', steps[i].id);
		views.add(steps[i].stage);
		// The first key wakes the live figure: its canvases are marked once it is there.
		if (i === 1) expect(await mark()).toEqual([1, 2]);
	}
	// The walk went through both canvases' views, more than once each.
	expect([...views]).toEqual(expect.arrayContaining(['embedding', 'mask', 'update', 'scale']));
	// The same two canvases, each given its size once (its first draw) and never again.
	expect(await mark()).toEqual([1, 2]);
	const sized = await canvasSizes(page);
	expect(sized.filter((s) => s.startsWith('fig-plane-canvas'))).toHaveLength(2);
	expect(sized.filter((s) => s.startsWith('fig-grid-canvas'))).toHaveLength(2);
});

test('the warm-up sizes a canvas no step has drawn into yet, so its first step does not', async ({
	page,
	request
}) => {
	// The first drawing into a canvas of a new size allocates its pixels: 4 to 5 ms of the frame
	// the first grid arrives in, unless the warm-up has done it while the reader was reading.
	const steps = await allSteps(request);
	const vectors = steps.find((s) => s.stage === 'query-key')!;
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await recordCanvasSizes(page);
	const size = (canvas: string) =>
		page
			.locator(`.figure-pane .figure-live canvas.${canvas}`)
			.evaluate((c: HTMLCanvasElement) => `${c.width}×${c.height}`);
	for (const opened of [steps[0], vectors]) {
		await openLive(page, `/${opened.chapter}/${opened.id}/`);
		await page.mouse.move(300, 300);
		await page.mouse.move(320, 310);
		const live = page.locator('.figure-pane .figure-live');
		await expect(live).toHaveAttribute('data-warm', 'done');
		await expect(live.locator('figure[data-step]')).toHaveAttribute('data-step', opened.id);
		// Neither canvas is the HTML default any more, and both have the one size.
		const [plane, grid] = [await size('fig-plane-canvas'), await size('fig-grid-canvas')];
		expect(grid).not.toBe('300×150');
		expect(plane).toBe(grid);
		// The grid, when it comes, draws at that size without resizing the canvas.
		const next = steps.findIndex((s) => s.stage === 'dot-product');
		const gridSizes = async () =>
			(await canvasSizes(page)).filter((x) => x.startsWith('fig-grid-canvas'));
		const before = await gridSizes();
		// Its width and height, set once, by the warm-up.
		expect(before).toHaveLength(2);
		const from = steps.findIndex((s) => s.id === opened.id);
		for (let i = from; i < next; i++) await page.keyboard.press('j');
		await expect(live.locator('figure[data-step]')).toHaveAttribute('data-step', steps[next].id);
		await expect(live.locator('canvas.fig-grid-canvas.fig-canvas-shown')).toHaveCount(1);
		await expect(live.locator('canvas.fig-grid-canvas')).toHaveAttribute('data-values', /\S/);
		expect(await gridSizes()).toEqual(before);
		expect(await size('fig-grid-canvas')).toBe(grid);
	}
});

test('a key press’s address is not overwritten by a scroll’s address still waiting to be written', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openLive(page, '/');
	// Keep every frame busy, so the browser has no idle time: a scroll's address, once its reader
	// has stayed long enough, then waits for its idle deadline.
	await page.evaluate(() => {
		const busy = () => {
			const end = performance.now() + 30;
			while (performance.now() < end);
			requestAnimationFrame(busy);
		};
		requestAnimationFrame(busy);
	});
	await page.mouse.move(200, 300);
	for (let i = 0; i < 40; i++) {
		await page.mouse.wheel(0, 200);
		const id = await page.locator('.figure-pane [data-step]').getAttribute('data-step');
		if (id !== steps[0].id) break;
	}
	const passed = await page.locator('.figure-pane [data-step]').getAttribute('data-step');
	const at = steps.findIndex((s) => s.id === passed);
	expect(at).toBeGreaterThan(0);
	// Past the scroll's wait (250 ms), within its idle deadline (1 s): its write is pending.
	await page.waitForTimeout(450);
	// Every address written from the key press on.
	await page.evaluate(() => {
		const w = window as unknown as { __written: string[] };
		w.__written = [];
		const replace = history.replaceState.bind(history);
		history.replaceState = (data, unused, url) => {
			w.__written.push(new URL(String(url), location.href).pathname);
			return replace(data, unused, url);
		};
	});
	await page.keyboard.press('j');
	const next = steps[at + 1];
	await expect(page).toHaveURL(new RegExp(`/${next.chapter}/${next.id}/$`));
	await page.waitForTimeout(1600);
	const written = await page.evaluate(
		() => (window as unknown as { __written: string[] }).__written
	);
	expect(written.length).toBeGreaterThan(0);
	expect(new Set(written)).toEqual(new Set([`/${next.chapter}/${next.id}/`]));
});

test('the mouse moving wakes the figure, which then warms up in idle time and leaves nothing behind', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await openLive(page, '/');
	const live = page.locator('.figure-pane .figure-live');
	await expect(live.locator('figure')).toHaveCount(0);
	// Record the hidden boxes the warm-up lays out: what they held, and any ids in them.
	await page.evaluate(() => {
		const w = window as unknown as { __boxes: { figures: number; tryits: number; ids: number }[] };
		w.__boxes = [];
		new MutationObserver((records) => {
			for (const r of records) {
				for (const node of r.addedNodes) {
					if (!(node instanceof HTMLElement) || !node.matches('[data-warm-box]')) continue;
					w.__boxes.push({
						figures: node.querySelectorAll('figure').length,
						tryits: node.querySelectorAll('.tryit').length,
						ids: node.querySelectorAll('.tryit [id]').length
					});
				}
			}
		}).observe(document.body, { childList: true });
	});
	await page.mouse.move(300, 300);
	await page.mouse.move(320, 310);
	await expect(live.locator('figure[data-step]')).toHaveAttribute('data-step', steps[0].id);
	// Each kind of drawing was mounted once out of sight, and thrown away.
	await expect(live).toHaveAttribute('data-warm', 'done');
	await expect(page.locator('[data-warm-box]')).toHaveCount(0);
	const boxes = await page.evaluate(
		() => (window as unknown as { __boxes: { tryits: number; ids: number }[] }).__boxes
	);
	// One box for the figure's kinds (empty when added: each kind is mounted into it later), one
	// holding a copy of the first try-it, with no ids to clash with the live one's.
	expect(boxes).toHaveLength(2);
	expect(boxes.find((b) => b.tryits > 0)).toEqual({
		figures: expect.any(Number),
		tryits: 1,
		ids: 0
	});
	await expect(page.locator('figure.attention-figure')).toHaveCount(1);
	// The figure still follows the reader, through every kind of view.
	const grid = steps.findIndex((s) => s.stage === 'dot-product');
	for (let i = 1; i <= grid; i++) await page.keyboard.press('j');
	await expect(live.locator('figure[data-step]')).toHaveAttribute('data-step', steps[grid].id);
	await expect(live.locator('canvas.fig-grid-canvas.fig-canvas-shown')).toHaveCount(1);
	expect(errors).toEqual([]);
});

// value-update has a chain of values; eiffel-tower a lookup labelled on two lines.
for (const id of ['value-update', 'eiffel-tower'])
	test(`the live figure draws a plane step into a canvas: the SVG’s picture, labels and arrows, in the theme’s colours (${id})`, async ({
		page,
		request
	}) => {
		const steps = await allSteps(request);
		const step = steps.find((s) => s.id === id);
		expect(step).toBeTruthy();
		await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
		await openLive(page, `/${step!.chapter}/${step!.id}/`);
		// The prerendered figure draws the plane in SVG: keep its labels, arrows and picture.
		const svgPlane = page.locator('.figure-pane .figure-static .fig-plane');
		const svgLabels = await svgPlane
			.locator('[data-label]')
			.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
		const svgArrows = await svgPlane
			.locator('[data-arrow]')
			.evaluateAll((els) =>
				els.map((e) => e.getAttribute('data-arrow') ?? '').filter((id) => !id.startsWith('o-'))
			);
		expect(svgLabels.length).toBeGreaterThan(2);
		const clip = (await page.locator('.figure-sticky').boundingBox())!;
		const before = await page.screenshot({ clip });
		// The mouse moving wakes the live figure.
		await page.mouse.move(100, 200);
		await page.mouse.move(110, 210);
		const canvas = page.locator('.figure-pane .figure-live canvas.fig-plane-canvas');
		await expect(canvas).toHaveAttribute('data-labels', svgLabels.join('|'));
		expect((await canvas.getAttribute('data-arrows'))!.split(' ').sort()).toEqual(svgArrows.sort());
		await expect(page.locator('.figure-pane .figure-live .fig-plane line')).toHaveCount(0);
		// The first move also lays out the prose above the step, a block per idle period, while
		// scroll anchoring keeps the page still; a screenshot taken mid-way can catch the page a
		// scroll adjustment early (a later step, eiffel-tower, has more prose above than
		// value-update). The pictures are compared once it is done.
		await proseAboveLaidOut(page, step!.id);
		await page.waitForTimeout(300);
		const after = await page.screenshot({ clip });
		// The same picture: anti-aliasing aside, the pixels agree.
		const differ = await share(page, before, after);
		expect(differ).toBeLessThan(0.02);
		// Drawn in the theme's ink: dark on light, then light on dark when the reader switches. (The
		// labels' halos are in the background colour: they are left out.)
		const ink = () =>
			canvas.evaluate((c: HTMLCanvasElement) => {
				const probe = document.createElement('span');
				probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--bg');
				document.body.append(probe);
				const bg = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
				probe.remove();
				const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
				let sum = 0;
				let count = 0;
				for (let i = 0; i < data.length; i += 4) {
					if (data[i + 3] < 200) continue;
					const d =
						Math.abs(data[i] - bg[0]) +
						Math.abs(data[i + 1] - bg[1]) +
						Math.abs(data[i + 2] - bg[2]);
					if (d < 60) continue;
					sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
					count++;
				}
				return count > 200 ? sum / count : -1;
			});
		const light = await ink();
		expect(light).toBeGreaterThan(0);
		await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
		await expect.poll(ink).toBeGreaterThan(light + 30);
	});
