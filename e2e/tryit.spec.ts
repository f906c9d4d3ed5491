// The "try it yourself" figures in a real browser: typing, picking the query, the mask, the sliders, sharing.
import { expect, test, type Locator, type Page } from '@playwright/test';

/** The try-it at the end of a chapter. */
function tryit(page: Page, chapter: string): Locator {
	return page.locator(`[data-tryit="${chapter}"]`);
}

/** Open a page. */
async function open(page: Page, url: string) {
	await page.goto(url);
}

/**
 * A chapter's try-it, once it is live: the page prerenders it and loads the interactive one when
 * the reader comes near, so scroll to it and wait until it responds.
 */
async function live(page: Page, chapter: string): Promise<Locator> {
	const t = tryit(page, chapter);
	// With JavaScript the prerendered copy is for readers without it (<noscript>): the place it
	// keeps is where the live one arrives. Scroll there; the swap may happen while we do: retry.
	const slot = page
		.locator(`#${chapter} .tryit-slot, .tryit-slot:has([data-tryit="${chapter}"])`)
		.first();
	await expect(async () => {
		await slot.scrollIntoViewIfNeeded({ timeout: 2000 });
		await expect(t).toHaveAttribute('data-ready', 'true', { timeout: 2000 });
	}).toPass({ timeout: 15_000 });
	await t.scrollIntoViewIfNeeded();
	return t;
}

/** The focused query's weights from the query detail, in sentence order. */
async function weights(t: Locator): Promise<number[]> {
	return t
		.locator('.tryit-weights tbody tr')
		.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-weight'))));
}

/** Every cell's value as the live grid's canvas states it (row-major, as shown). */
async function cellValues(t: Locator): Promise<string[]> {
	const values = await t.locator('.fig-cell-canvas').getAttribute('data-values');
	return (values ?? '').split(' ');
}

/**
 * Pixels the canvas painted inside cell (row, col), as [r, g, b] triples: a few units in from the
 * cell's top-left corner, away from the number in its centre.
 */
async function cellPixels(t: Locator, row: number, col: number): Promise<number[][]> {
	return t.locator('.fig-cell-canvas').evaluate(
		(canvas: HTMLCanvasElement, [row, col]) => {
			const cell = Number(canvas.dataset.cell);
			const s = Number(canvas.dataset.scale);
			const [left, top] = (canvas.dataset.offset ?? '').split(' ').map(Number);
			const x = left + Math.round((0.5 + col * cell + 2) * s);
			const y = top + Math.round((0.5 + row * cell + 2) * s);
			const size = Math.round(4 * s);
			const data = canvas.getContext('2d')!.getImageData(x, y, size, size).data;
			const out: number[][] = [];
			for (let i = 0; i < data.length; i += 4) out.push([data[i], data[i + 1], data[i + 2]]);
			return out;
		},
		[row, col]
	);
}

/** Fail the test on any dialog or uncaught page error. */
function watchForTrouble(page: Page): string[] {
	const trouble: string[] = [];
	page.on('dialog', (d) => {
		trouble.push(`dialog: ${d.message()}`);
		void d.dismiss();
	});
	page.on('pageerror', (e) => trouble.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') trouble.push(`console: ${m.text()}`);
	});
	return trouble;
}

test.beforeEach(async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('scrolling past a try-it shows its static copy; the live one waits for a pause, keeping what was typed', async ({
	page
}) => {
	await open(page, '/');
	await page.locator('html[data-essay="live"]').waitFor();
	// Scroll to the first try-it and keep scrolling a little every 50 ms, as a reader reading on
	// does: never the 200 ms pause the live one waits for.
	const during = await page.evaluate(async () => {
		const slot = document.querySelector<HTMLElement>('.tryit-slot[data-chapter="hot-dog"]')!;
		slot.scrollIntoView({ block: 'start' });
		// The static copy goes in over a few frames: keep on until its text box is there too.
		const field = () => slot.querySelector<HTMLInputElement>('.tryit-static input[type="text"]');
		for (let i = 0; i < 24 || (i < 200 && !field()); i++) {
			await new Promise((r) => setTimeout(r, 50));
			scrollBy(0, i % 2 ? 30 : -30);
		}
		const state = {
			staticShown: slot.querySelector('.tryit-static section.tryit') !== null,
			staticVisible:
				(slot.querySelector('.tryit-static .tryit-grid')?.getBoundingClientRect().height ?? 0) >
				100,
			kept: slot.querySelector('.tryit-static noscript') !== null,
			live: slot.querySelector('.tryit-host section') !== null,
			typedInto: false
		};
		// Still scrolling, the reader types into the static copy: focusing it wakes the live one
		// at once (in the same task as the last scroll, so not the pause), and what was typed
		// before the live copy arrives carries over.
		const input = field();
		if (input) {
			input.value = 'the fluffy dog';
			input.focus();
			state.typedInto = true;
		}
		return state;
	});
	expect(during).toEqual({
		staticShown: true,
		staticVisible: true,
		kept: false,
		live: false,
		typedInto: true
	});

	const slot = page.locator('.tryit-slot[data-chapter="hot-dog"]');
	const t = tryit(page, 'hot-dog');
	await expect(t).toHaveAttribute('data-ready', 'true');
	await expect(slot.locator('.tryit-static')).toHaveCount(0);
	await expect(t.locator('input[type="text"]')).toHaveValue('the fluffy dog');
	await expect(t.locator('input[type="text"]')).toBeFocused();
	await expect(t.locator('.tryit-token bdi')).toHaveText(['the', 'fluffy', 'dog']);

	// Another try-it, reached and left still, comes alive by itself at the pause.
	await page.locator('.tryit-slot[data-chapter="mole"]').scrollIntoViewIfNeeded();
	await expect(tryit(page, 'mole')).toHaveAttribute('data-ready', 'true');
});

test('a step URL just above a try-it leaves it alone until the reader’s first move', async ({
	page
}) => {
	await open(page, '/hot-dog/food-readout/');
	await page.locator('html[data-essay="live"]').waitFor();
	const slot = page.locator('.tryit-slot[data-chapter="hot-dog"]');
	const box = await slot.boundingBox();
	const height = page.viewportSize()!.height;
	// Below the screen, within the screen or so at which a reader scrolling would get its copy…
	expect(box!.y).toBeGreaterThan(height);
	expect(box!.y).toBeLessThan(2 * height);
	// …yet with nobody moving, well past the 200 ms pause it waits for: not parsed in, not live.
	await page.waitForTimeout(1500);
	await expect(slot.locator('.tryit-static > noscript')).toHaveCount(1);
	await expect(slot.locator('.tryit-host section')).toHaveCount(0);
	// The reader's first move (the mouse over the page), then stillness: it comes alive.
	await page.mouse.move(200, 200);
	await page.mouse.move(220, 260);
	await expect(tryit(page, 'hot-dog')).toHaveAttribute('data-ready', 'true');
	await expect(slot.locator('.tryit-static')).toHaveCount(0);
});

test('the live try-it comes in parts, out of sight, and replaces the static copy at once', async ({
	page
}) => {
	await open(page, '/');
	await page.locator('html[data-essay="live"]').waitFor();
	// What the slot holds at each of the observer's reports, which come when a task's microtasks
	// run out: the live copy's parts, whether the static copy is still there, whether the live
	// copy can be seen.
	await page.evaluate(() => {
		const slot = document.querySelector<HTMLElement>('.tryit-slot[data-chapter="hot-dog"]')!;
		const host = slot.querySelector<HTMLElement>('.tryit-host')!;
		const w = window as unknown as { __states: string[] };
		w.__states = [];
		const has = (selector: string) => host.querySelector(selector) !== null;
		new MutationObserver(() => {
			const parts = [
				has('.tryit-controls') && 'controls',
				has('.tryit-figure > *') && 'figure',
				has('.tryit-query') && 'query'
			].filter(Boolean);
			const copy = slot.querySelector('.tryit-static section.tryit') ? 'copy' : 'no copy';
			const live = getComputedStyle(host).visibility === 'visible' ? 'live seen' : 'live hidden';
			const state = `${parts.join('+') || 'none'}, ${copy}, ${live}`;
			if (w.__states.at(-1) !== state) w.__states.push(state);
		}).observe(slot, { childList: true, subtree: true, attributes: true });
	});
	await page.mouse.move(200, 200);
	await page.locator('.tryit-slot[data-chapter="hot-dog"]').scrollIntoViewIfNeeded();
	await expect(tryit(page, 'hot-dog')).toHaveAttribute('data-ready', 'true');
	const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
	// From the static copy in place (parsed in as it came near) to the swap: each part of the live
	// copy arrives in a task of its own (none of them is long), hidden, while the static copy stays;
	// then one change removes the copy and shows the live one, never both or neither.
	const from = states.findLastIndex((s) => s.startsWith('none'));
	expect(states.slice(from)).toEqual([
		'none, copy, live seen',
		'controls, copy, live hidden',
		'controls+figure, copy, live hidden',
		'controls+figure+query, copy, live hidden',
		'controls+figure+query, no copy, live seen'
	]);
});

test('typing a sentence recomputes the grid and the weights at every stage', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await expect(t.locator('.tryit-input')).toHaveValue('the hot dog was');
	const before = await weights(t);

	await t.locator('.tryit-input').fill('a hot blue dog was');
	await expect(t.locator('.tryit-token')).toHaveText(['a', 'hot', 'blue', 'dog', 'was']);
	await expect(t.locator('.tryit-token[aria-pressed="true"]')).toHaveText('dog');
	await expect(t.locator('.fig-grid')).toHaveAttribute('data-tokens', '5');
	await expect(t.locator('.fig-row')).toHaveCount(5);
	const after = await weights(t);
	expect(after).toHaveLength(5);
	expect(after).not.toEqual(before);

	const stages = {
		'dot-product': 'Dot product',
		scale: 'Scale',
		softmax: 'Softmax',
		mask: 'Mask',
		update: 'Update'
	};
	for (const [stage, label] of Object.entries(stages)) {
		await t.getByRole('radio', { name: label }).check();
		const figure = t.locator('.tryit-figure [data-stage]').first();
		await expect(figure).toHaveAttribute('data-stage', stage);
		await t.locator('.tryit-input').fill(`the small ${stage.length > 5 ? 'red' : 'green'} cat was`);
		if (stage === 'update') {
			await expect(figure.locator('svg title')).toContainText('cat');
		} else {
			await expect(t.locator('.fig-row[data-query="cat"]')).toHaveCount(1);
			await expect(t.locator('.fig-grid')).toHaveAttribute('data-tokens', '5');
		}
		await expect(t.locator('.tryit-query-title')).toContainText('cat');
	}
});

test('an unknown word is kept, marked and explained, with a neutral embedding', async ({
	page
}) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await t.locator('.tryit-input').fill('the zorgle dog was');
	const unknown = t.locator('.tryit-token.tryit-unknown');
	await expect(unknown).toHaveCount(1);
	await expect(unknown).toContainText('zorgle');
	await expect(unknown).toContainText('unknown word');
	await expect(t.locator('[data-unknown-note]')).toContainText('all-zero embedding');
	await expect(t.locator('.fig-row')).toHaveCount(4);
	await expect(t.locator('.fig-row[data-query="zorgle"] .fig-unknown')).toHaveCount(1);
	const w = await weights(t);
	expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
});

test('clicking or tapping a token makes it the focused query', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await t.locator('.tryit-token', { hasText: 'hot' }).click();
	await expect(t.locator('.tryit-token[aria-pressed="true"]')).toHaveText('hot');
	await expect(t.locator('.tryit-query-title')).toContainText('hot');
	await expect(t.locator('.fig-strip')).toHaveAttribute('data-query', 'hot');
	const w = await weights(t);
	// "hot" (row 2) may see only "the" and itself under the causal mask.
	expect(w[2]).toBe(0);
	expect(w[3]).toBe(0);
	expect(w[0] + w[1]).toBeCloseTo(1, 6);
	const box = await t.locator('.tryit-token').first().boundingBox();
	expect(box!.height).toBeGreaterThanOrEqual(44);
	expect(box!.width).toBeGreaterThanOrEqual(44);
});

test('the keyboard picks the query: arrows, Home, End', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	const pressed = t.locator('.tryit-token[aria-pressed="true"]');
	await pressed.focus();
	await page.keyboard.press('ArrowLeft');
	await expect(pressed).toHaveText('hot');
	await expect(t.locator('.tryit-token', { hasText: 'hot' })).toBeFocused();
	await page.keyboard.press('End');
	await expect(pressed).toHaveText('was');
	await page.keyboard.press('Home');
	await expect(pressed).toHaveText('the');
	await expect(t.locator('.tryit-query-title')).toContainText('the');
	await page.keyboard.press('ArrowRight');
	await expect(pressed).toHaveText('hot');
	await expect(t.locator('[data-live]')).toContainText('“hot” attends most to');
});

test('flipping the mask hatches the later keys and their weights become exactly 0', async ({
	page
}) => {
	await open(page, '/');
	const t = await live(page, 'fluffy-creature');
	const grid = t.locator('.fig-grid');
	await expect(grid).toHaveAttribute('data-masked', '0');
	const unmasked = await weights(t);
	expect(unmasked.slice(4).some((w) => w > 0)).toBe(true);

	await t.getByRole('checkbox', { name: /causal mask/i }).check();
	await expect(grid).toHaveAttribute('data-masked', String((8 * 7) / 2));
	await expect(t.locator('.fig-cell-canvas')).toHaveAttribute('data-masked-cells', '28');
	// The canvas paints it: a masked cell is hatched (several colours), an unmasked one is flat,
	// and colour follows weight (the first word attends only to itself: 100%).
	const colours = async (row: number, col: number) =>
		new Set((await cellPixels(t, row, col)).map((p) => p.join())).size;
	await expect.poll(() => colours(0, 7)).toBeGreaterThan(1);
	expect(await colours(7, 0)).toBe(1);
	const blue = async (row: number, col: number) => {
		const [r, , b] = (await cellPixels(t, row, col))[0];
		return b - r;
	};
	expect(await blue(0, 0)).toBeGreaterThan((await blue(7, 0)) + 20);
	const masked = await weights(t);
	expect(masked.slice(4)).toEqual([0, 0, 0, 0]);
	expect(masked.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
	await expect(t.locator('.tryit-weights tr[data-masked]')).toHaveCount(4);

	await t.getByRole('checkbox', { name: /causal mask/i }).uncheck();
	await expect(grid).toHaveAttribute('data-masked', '0');
	await expect.poll(() => colours(0, 7)).toBe(1);
});

test('moving a query slider toward a key raises that key’s weight', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'fluffy-creature');
	const before = await weights(t);
	// q₂ meets the keys of colour and texture words: "fluffy" (1) and "blue" (2).
	const slider = t.getByRole('slider').nth(1);
	await slider.focus();
	for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('3.5');
	await expect(t.locator('.tryit-slider .tryit-num').nth(1)).toHaveText('3.50');
	const after = await weights(t);
	expect(after[1]).toBeGreaterThan(before[1]);
	expect(after[2]).toBeGreaterThan(before[2]);
	expect(after.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
	await expect(page).toHaveURL(/[?&]dq=0(%2C|,)1\.5(%2C|,)0(%2C|,)0/);

	await t.getByRole('button', { name: 'Reset the query' }).click();
	expect(await weights(t)).toEqual(before);
});

test('a slider redraws only the grid rows it changes, leaving the picture a full redraw paints', async ({
	page
}) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await t
		.locator('.tryit-input')
		.fill('the hot dog roamed the verdant forest of the miniature eiffel tower');
	await t.getByRole('radio', { name: 'Mask' }).check();
	await t.getByRole('button', { name: 'dog', exact: true }).click();
	/** A hash of every pixel of the grid's canvas, and its size. */
	const picture = () =>
		t.locator('.fig-cell-canvas').evaluate((canvas: HTMLCanvasElement) => {
			const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let hash = 2166136261;
			for (const byte of data) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
			return `${canvas.width}×${canvas.height} ${hash}`;
		});
	const frames = (n: number) =>
		page.evaluate(
			(n) =>
				new Promise<void>((done) => {
					const next = (left: number) =>
						left ? requestAnimationFrame(() => next(left - 1)) : done();
					next(n);
				}),
			n
		);
	await frames(2);
	const start = await picture();
	// Each move changes the focused row (dog's weights): drawn again alone, in its band.
	const slider = t.getByRole('slider').first();
	for (const value of ['-6', '3.5', '7', '-1.5']) {
		await slider.fill(value);
		await frames(1);
	}
	const moved = await picture();
	expect(moved, 'the moves changed the picture').not.toBe(start);
	// Another theme and back makes the canvas draw every cell again, from nothing.
	for (const theme of ['dark', 'light']) {
		await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), theme);
		await frames(2);
	}
	expect(await picture()).toBe(moved);
});

test('the grid’s description follows the query a moment after a slider stops', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'fluffy-creature');
	await t.getByRole('radio', { name: 'Softmax' }).check();
	const grid = t.locator('.tryit-grid svg[role="img"]');
	const description = async () => {
		const id = await grid.getAttribute('aria-describedby');
		return (await t.locator(`[id="${id}"]`).textContent()) ?? '';
	};
	/** The query and its top key, as the weights table has them. */
	const top = async () => {
		const query = (await t.locator('.tryit-query-title bdi').textContent()) ?? '';
		const rows = await t
			.locator('.tryit-weights tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) => [r.querySelector('th')!.textContent!.trim(), Number(r.dataset.weight)])
			);
		const best = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
		return `“${query}” attends most to “${best[0]}”`;
	};
	await expect.poll(description).toContain(await top());
	const tops = new Set([await top()]);
	// Turned toward the colour and texture keys ("blue", "fluffy"), then the other way.
	for (const value of ['8', '-8']) {
		await t.getByRole('slider').nth(1).fill(value);
		tops.add(await top());
		await expect.poll(description).toContain(await top());
	}
	expect(tops.size, 'the moves changed the top key').toBeGreaterThan(1);
	// The grid's <desc> says the same.
	expect(await grid.locator('desc').textContent()).toBe(await description());

	// At the update stage the figure is the plane: its description follows a move too.
	await t.getByRole('radio', { name: 'Update' }).check();
	const plane = t.locator('.tryit-figure svg[role="img"]');
	const planeText = async () => {
		const id = await plane.getAttribute('aria-describedby');
		return (await t.locator(`[id="${id}"]`).textContent()) ?? '';
	};
	await expect.poll(planeText).toContain('Δe');
	const still = await planeText();
	await t.getByRole('slider').nth(1).fill('8');
	await expect.poll(planeText).not.toBe(still);
	// …in its <desc> and in the paragraph beside it alike.
	await expect(t.locator('.tryit-figure p[id$="-text"]')).toHaveText(await planeText());
});

test('each weight’s bar is drawn from the left of its track, as long as the weight', async ({
	page
}) => {
	await open(page, '/');
	const t = await live(page, 'fluffy-creature');
	/** Each row's weight, and its bar's drawn length and left edge against its track's. */
	const bars = () =>
		t.locator('.tryit-weights tbody tr').evaluateAll((rows) =>
			rows.map((row) => {
				const track = row.querySelector('.tryit-bar')!.getBoundingClientRect();
				const bar = row.querySelector('.tryit-bar > span')!.getBoundingClientRect();
				return {
					weight: Number(row.getAttribute('data-weight')),
					share: bar.width / track.width,
					offset: bar.left - track.left
				};
			})
		);
	const check = async () => {
		const rows = await bars();
		expect(rows.length).toBeGreaterThan(2);
		for (const row of rows) {
			expect(row.share, `bar of a ${row.weight} weight`).toBeCloseTo(row.weight, 2);
			expect(Math.abs(row.offset)).toBeLessThan(0.5);
		}
		return rows.map((r) => r.weight);
	};
	const before = await check();
	// Moved, the bars follow the new weights.
	await t.getByRole('slider').nth(1).fill('6');
	await expect.poll(async () => (await bars()).map((r) => r.weight)).not.toEqual(before);
	await check();
});

for (const width of [390, 1280]) {
	test(`at ${width} px, moving a query slider never changes the try-it's height`, async ({
		page
	}) => {
		// The page below the try-it must not jump while a reader drags: Δe's features, the numbers
		// beside the sliders and the weights change, the boxes they sit in do not.
		await page.setViewportSize({ width, height: 900 });
		await open(page, '/');
		const t = await live(page, 'hot-dog');
		await t
			.locator('.tryit-input')
			.fill('the hot dog roamed the verdant forest of the miniature eiffel tower');
		const height = () => t.evaluate((e) => e.getBoundingClientRect().height);
		for (const label of ['Softmax', 'Update']) {
			await t.getByRole('radio', { name: label }).check();
			await expect(t.locator('.tryit-figure [data-stage]').first()).toHaveAttribute(
				'data-stage',
				label.toLowerCase()
			);
			const sliders = t.getByRole('slider');
			const seen = new Map<number, string>();
			const deltas = new Set<string>();
			for (let c = 0; c < (await sliders.count()); c++) {
				for (const value of ['-8', '-3.5', '0', '2.5', '8']) {
					await sliders.nth(c).fill(value);
					await expect(sliders.nth(c)).toHaveValue(value);
					deltas.add(await t.locator('.tryit-delta').innerText());
					seen.set(await height(), `q${c + 1} = ${value}`);
				}
				await sliders.nth(c).fill('0');
			}
			// The moves did change what Δe says (else the test proves nothing)…
			expect(deltas.size).toBeGreaterThan(3);
			// …and never the height.
			expect([...seen.entries()], `${label}: heights and a value that gave each`).toHaveLength(1);
		}
	});
}

test('text below a try-it stays put while its copy comes in, with only its last strip in view', async ({
	page
}) => {
	// The fluffy-creature try-it's place is kept at an estimated height until its copy goes in,
	// which makes it taller at its bottom. Put its last 100 px at the top of the window, the next
	// chapter's heading below: the heading must not move (Chromium's scroll anchoring followed the
	// slot itself there, and the heading jumped by the growth, about 300 px).
	await page.setViewportSize({ width: 1280, height: 800 });
	await open(page, '/');
	const slot = page.locator('.tryit-slot[data-chapter="fluffy-creature"]');
	const heading = page.locator('#scaling-up h2').first();
	const grown = await slot.evaluate((s) => {
		const before = s.getBoundingClientRect().height;
		window.scrollTo({ top: s.getBoundingClientRect().bottom + scrollY - 100, behavior: 'instant' });
		return before;
	});
	const top = () => heading.evaluate((el) => el.getBoundingClientRect().top);
	const before = await top();
	await expect(slot.locator('.tryit-static noscript')).toHaveCount(0);
	// The copy is all in: the slot has its own height, larger than the estimate.
	await expect
		.poll(() => slot.evaluate((s) => s.querySelectorAll('.tryit-share').length))
		.toBeGreaterThan(0);
	await page.waitForTimeout(300);
	expect(await slot.evaluate((s) => s.getBoundingClientRect().height)).toBeGreaterThan(grown);
	expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(1);
});

test('the state lives in the address bar without adding history entries', async ({ page }) => {
	await open(page, '/');
	const length = await page.evaluate(() => history.length);
	const t = await live(page, 'hot-dog');
	await t.locator('.tryit-input').focus();
	await page.keyboard.press('End');
	await t.locator('.tryit-input').pressSequentially(' hot', { delay: 20 });
	await expect(page).toHaveURL(/\?try=hot-dog&s=the\+hot\+dog\+was\+hot&q=2&causal=1&stage=mask$/);
	expect(await page.evaluate(() => history.length)).toBe(length);
});

test('a shared link reopens the same state in the essay, scrolled into view', async ({
	page,
	context,
	browser
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, '/');
	const t = await live(page, 'mole');
	await t.locator('.tryit-input').fill('take a biopsy of the mole on my skin');
	await t.locator('.tryit-token', { hasText: 'biopsy' }).click();
	await t.getByRole('radio', { name: 'Scale' }).check();
	await t.getByRole('checkbox', { name: /causal mask/i }).check();
	const slider = t.getByRole('slider').first();
	await slider.focus();
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(/dq=-0\.2/);
	const state = {
		values: await cellValues(t),
		weights: await weights(t)
	};
	await t.getByRole('link', { name: 'Copy link' }).click();
	await expect(t.locator('.tryit-status')).toHaveText('Link copied.');
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(link).search).toBe(new URL(page.url()).search);

	const other = await browser.newPage();
	await other.emulateMedia({ reducedMotion: 'reduce' });
	const trouble = watchForTrouble(other);
	await open(other, link);
	// The link's state wakes this try-it at once and scrolls to it: no scrolling here.
	const o = tryit(other, 'mole');
	await expect(o).toHaveAttribute('data-ready', 'true');
	await expect(o).toBeInViewport({ ratio: 0.2 });
	await expect(o.locator('.tryit-input')).toHaveValue('take a biopsy of the mole on my skin');
	await expect(o.locator('.tryit-token[aria-pressed="true"]')).toHaveText('biopsy');
	await expect(o.getByRole('radio', { name: 'Scale' })).toBeChecked();
	await expect(o.getByRole('checkbox', { name: /causal mask/i })).toBeChecked();
	await expect(o.locator('.tryit-grid')).toHaveAttribute('data-stage', 'scale');
	expect(state.values).toHaveLength(9 * 9);
	expect(await cellValues(o)).toEqual(state.values);
	expect(await weights(o)).toEqual(state.weights);
	await other.waitForTimeout(1700);
	expect(new URL(other.url()).search).toBe(new URL(link).search);
	expect(trouble).toEqual([]);
	await other.close();
});

test('past 24 words and at 200 characters a polite message says so', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await t.locator('.tryit-input').fill(Array.from({ length: 30 }, () => 'dog').join(' '));
	await expect(t.locator('[data-cap]')).toContainText('at most 24 words');
	await expect(t.locator('[data-cap]')).toContainText('last 6 words are left out');
	await expect(t.locator('.tryit-token')).toHaveCount(24);
	await expect(t.locator('.fig-row')).toHaveCount(24);
	await expect(t.locator('[data-live]')).toContainText('at most 24 words');

	await t.locator('.tryit-input').fill('');
	await t.locator('.tryit-input').pressSequentially('a'.repeat(205));
	await expect(t.locator('.tryit-input')).toHaveValue('a'.repeat(200));
	await expect(t.locator('[data-cap]')).toContainText('200-character limit');
});

test('an empty sentence shows a hint instead of an empty figure', async ({ page }) => {
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await t.locator('.tryit-input').fill('   ');
	await expect(t.locator('[data-empty]')).toBeVisible();
	await expect(t.locator('.tryit-grid')).toHaveCount(0);
	await expect(t.locator('.tryit-token')).toHaveCount(0);
	await t.locator('.tryit-input').fill('the dog');
	await expect(t.locator('.tryit-grid')).toBeVisible();
});

test('markup typed or passed in the URL shows as text and runs nothing', async ({ page }) => {
	const trouble = watchForTrouble(page);
	const markup = '<img src=x onerror=alert(1)>';
	await open(page, `/?try=hot-dog&s=${encodeURIComponent(markup)}`);
	const t = await live(page, 'hot-dog');
	await expect(t.locator('.tryit-input')).toHaveValue(markup);
	await expect(t.locator('.tryit-token bdi')).toHaveText([
		'img',
		'src',
		'x',
		'onerror',
		'alert',
		'1'
	]);
	await t.locator('.tryit-input').fill(`the ${markup} <script>alert(2)</script> dog`);
	await expect(t.locator('.tryit-token').first()).toHaveText('the');
	await t.locator('.tryit-token', { hasText: 'script' }).first().click();
	await t.getByRole('radio', { name: 'Update' }).check();
	await page.waitForTimeout(500);
	expect(await page.locator('img[src="x"], [data-tryit] script').count()).toBe(0);
	expect(await t.innerHTML()).not.toContain('<img src="x"');
	expect(trouble).toEqual([]);
});

test('unknown or malformed URL parameters fall back to the defaults without an error', async ({
	page
}) => {
	const trouble = watchForTrouble(page);
	await open(page, '/?try=hot-dog&q=zz&stage=nope&causal=maybe&dq=a,b&extra=1');
	const t = await live(page, 'hot-dog');
	await expect(t.locator('.tryit-input')).toHaveValue('the hot dog was');
	await expect(t.locator('.tryit-token[aria-pressed="true"]')).toHaveText('dog');
	await expect(t.getByRole('radio', { name: 'Mask' })).toBeChecked();
	await open(page, '/?try=no-such-chapter&s=zzz');
	await expect((await live(page, 'hot-dog')).locator('.tryit-input')).toHaveValue(
		'the hot dog was'
	);
	expect(trouble).toEqual([]);
});

test('emoji, right-to-left words, repeats and a very long word keep a 390 px page from overflowing', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const trouble = watchForTrouble(page);
	await open(page, '/');
	const t = await live(page, 'fluffy-creature');
	const sentence =
		'the 🐶 dog 👩‍👩‍👧 was שלום עולם مرحبا café naïve 東京大学東京大学東京 ' +
		'supercalifragilisticexpialidociousandthensomemorewordsjoined dog dog dog';
	await t.locator('.tryit-input').fill(sentence);
	await expect(t.locator('.tryit-token')).toHaveCount(13);
	await expect(t.locator('.tryit-token.tryit-unknown')).toHaveCount(7);
	await expect(t.locator('.fig-row[data-query="dog₄"]')).toHaveCount(1);
	for (const stage of ['Dot product', 'Softmax', 'Update']) {
		await t.getByRole('radio', { name: stage }).check();
		await t.locator('.tryit-token').last().click();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, stage).toBeLessThanOrEqual(0);
		const box = await t.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(390);
	}
	const w = await weights(t);
	expect(w.every(Number.isFinite)).toBe(true);
	expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
	expect(trouble).toEqual([]);
});

test('the embed action’s iframe opens the same state in /embed/<chapter>/try/', async ({
	page,
	context,
	browser
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, '/');
	const t = await live(page, 'hot-dog');
	await t.locator('.tryit-input').fill('the hot soup was very hot');
	await t.locator('.tryit-token', { hasText: 'soup' }).click();
	await t.getByRole('radio', { name: 'Softmax' }).check();
	await t.getByRole('checkbox', { name: /causal mask/i }).uncheck();
	await t.getByRole('slider').nth(2).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/dq=0%2C0%2C0\.1%2C0$/);
	const expected = { weights: await weights(t), url: new URL(page.url()) };
	await t.getByRole('button', { name: /^Embed/ }).click();
	await expect(t.locator('.tryit-status')).toHaveText('Embed code copied.');
	const code = await page.evaluate(() => navigator.clipboard.readText());
	const src = /<iframe src="([^"]+)"/.exec(code)?.[1];
	expect(src).toBeTruthy();
	const url = new URL(src!);
	expect(url.pathname).toBe('/embed/hot-dog/try/');

	const embed = await browser.newPage();
	await embed.emulateMedia({ reducedMotion: 'reduce' });
	const trouble = watchForTrouble(embed);
	await open(embed, src!);
	const e = await live(embed, 'hot-dog');
	await expect(embed.getByRole('heading', { level: 1 })).toContainText('Try it yourself');
	await expect(e.locator('.tryit-input')).toHaveValue('the hot soup was very hot');
	await expect(e.locator('.tryit-token[aria-pressed="true"]')).toHaveText('soup');
	await expect(e.getByRole('radio', { name: 'Softmax' })).toBeChecked();
	await expect(e.getByRole('checkbox', { name: /causal mask/i })).not.toBeChecked();
	await expect(e.getByRole('slider').nth(2)).toHaveValue('0.1');
	expect(await weights(e)).toEqual(expected.weights);
	expect(url.searchParams.toString()).toBe(expected.url.searchParams.toString());
	expect(trouble).toEqual([]);
	await embed.close();
});

test('an embed keeps its state in its own address and reads it back', async ({ page }) => {
	await open(page, '/embed/mole/try/?s=one+mole+of+carbon&q=1&stage=dot-product');
	const t = await live(page, 'mole');
	await expect(t.locator('.tryit-input')).toHaveValue('one mole of carbon');
	await expect(t.locator('.tryit-grid')).toHaveAttribute('data-stage', 'dot-product');
	await t.locator('.tryit-input').fill('take a biopsy of the mole');
	await expect(page).toHaveURL(
		/\/embed\/mole\/try\/\?try=mole&s=take\+a\+biopsy\+of\+the\+mole&q=5&causal=0&stage=dot-product$/
	);
	await page.reload();
	await expect(t).toHaveAttribute('data-ready', 'true');
	await expect(t.locator('.tryit-input')).toHaveValue('take a biopsy of the mole');
	await expect(t.locator('.tryit-token[aria-pressed="true"]')).toHaveText('mole');
});
