// Deep links: every step URL opens the essay at that step, with its own title and meta tags.
import { expect, test, type Page } from '@playwright/test';
import { allSteps, essayIndex, proseAboveLaidOut } from './helpers';

/** Whether the first match is rendered: false inside a block `content-visibility` skips. */
function rendered(page: Page, selector: string): Promise<boolean> {
	return page
		.locator(selector)
		.first()
		.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
}

test('a step URL shows that step in the figure before and after hydration', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const step = steps[Math.floor(steps.length / 2)];
	const res = await request.get(`/${step.chapter}/${step.id}/`);
	const html = await res.text();
	expect(html).toMatch(new RegExp(`data-step="${step.id}"[^>]*data-stage="${step.stage}"`));
	await page.goto(`/${step.chapter}/${step.id}/`);
	const fig = page.locator('.figure-pane [data-step]');
	await expect(fig).toHaveAttribute('data-step', step.id);
	await expect(page.locator(`#${step.id}`)).toBeInViewport();
	await page.waitForTimeout(500);
	await expect(fig).toHaveAttribute('data-step', step.id);
	await expect(page).toHaveURL(new RegExp(`/${step.chapter}/${step.id}/$`));
});

test('opening /#<step> also opens that step', async ({ page, request }) => {
	const steps = await allSteps(request);
	const step = steps[5];
	await page.goto(`/#${step.id}`);
	await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', step.id);
});

test('each step URL has its own title, description, canonical and card tags', async ({
	request
}) => {
	const steps = await allSteps(request);
	const titles = new Set<string>();
	for (const step of steps) {
		const html = await (await request.get(`/${step.chapter}/${step.id}/`)).text();
		const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
		expect(title, step.id).toBeTruthy();
		titles.add(title!);
		expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
		expect(html).toContain(
			`<link rel="canonical" href="http://localhost:4173/${step.chapter}/${step.id}/"`
		);
		expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
		expect(html).toMatch(/<meta property="og:image" content="http:\/\/localhost:4173\/previews\//);
	}
	expect(titles.size).toBe(steps.length);
});

test('an unknown step URL gets the 404 page with links to every chapter', async ({
	page,
	request
}) => {
	const chapters = (await (await request.get('/data/index.json')).json()).chapters;
	const res = await page.goto('/hot-dog/no-such-step/');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('isn’t here');
	for (const c of chapters) {
		await expect(page.getByRole('link', { name: c.title })).toBeVisible();
	}
});

test('prose far down the page is not laid out until the reader nears it', async ({ page }) => {
	await page.goto('/');
	expect(await rendered(page, '.prose.opening p')).toBe(true);
	const last = '.chapter:last-of-type .step:last-of-type .prose p';
	expect(await rendered(page, last)).toBe(false);
	await page.locator(last).first().scrollIntoViewIfNeeded();
	await expect.poll(() => rendered(page, last)).toBe(true);
});

test('a step URL lays out the prose near its step, and the rest above at the first move', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const index = Math.floor(steps.length / 2);
	const step = steps[index];
	await page.goto(`/${step.chapter}/${step.id}/`);
	await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
	// In view, and just above the step (on screen or rendered with the first paint): real heights.
	expect(await rendered(page, `article#${step.id} .prose p`)).toBe(true);
	expect(await rendered(page, `article#${steps[index - 1].id} .prose p`)).toBe(true);
	// Far above and far below: not laid out while the reader has not moved.
	const far = `article#${steps[1].id} .prose p`;
	await page.waitForTimeout(500);
	expect(await rendered(page, far)).toBe(false);
	expect(await rendered(page, `article#${steps[steps.length - 1].id} .prose p`)).toBe(false);
	// The first move lays out everything above, a block at a time, and leaves the step where it is.
	const top = () =>
		page.locator(`article#${step.id}`).evaluate((el) => el.getBoundingClientRect().top);
	const before = await top();
	await page.mouse.move(200, 300);
	await expect.poll(() => rendered(page, far)).toBe(true);
	await proseAboveLaidOut(page, step.id);
	// Within a pixel: the window scrolls by whole pixels and the blocks' heights are fractional,
	// so where anchoring leaves the step depends on the prose above (0.66 px after one edit).
	expect(Math.abs((await top()) - before)).toBeLessThan(1);
	expect(await rendered(page, `article#${steps[steps.length - 1].id} .prose p`)).toBe(false);
});

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 1280, height: 800 }
]) {
	test(`opening a late step (${viewport.width} px) moves nothing once it is shown`, async ({
		page,
		request
	}) => {
		const steps = await allSteps(request);
		const step = steps[steps.length - 4];
		await page.setViewportSize(viewport);
		await page.addInitScript(() => {
			type Shift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };
			const w = window as unknown as { __shift: number; __proseShift: number };
			w.__shift = 0;
			w.__proseShift = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as Shift[]) {
					w.__shift += e.value;
					// Outside the figure (which changes with the step being read): the prose moved.
					const outside = e.sources.some((s) => {
						const el = s.node instanceof Element ? s.node : s.node?.parentElement;
						return !el?.closest('.figure-pane');
					});
					if (outside) w.__proseShift += e.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(`/${step.chapter}/${step.id}/`);
		const article = page.locator(`article#${step.id}`);
		await expect(article).toBeInViewport();
		// The step's start sits where the essay puts a step it jumps to: under the pinned figure
		// on phones, near the top beside it on wide screens.
		const pinned = viewport.width >= 960 ? 0.12 : 0.5;
		const top = () => article.evaluate((el) => el.getBoundingClientRect().top);
		await expect.poll(top).toBeCloseTo(pinned * viewport.height, 0);
		await page.waitForTimeout(800);
		expect(await top()).toBeCloseTo(pinned * viewport.height, 0);
		const shift = () => page.evaluate(() => (window as unknown as { __shift: number }).__shift);
		expect(await shift()).toBe(0);

		// Scrolling back up, the reader never sees the prose jump: a paragraph in view moves down by
		// exactly what the wheel asked for, while the prose above it is laid out (the first move
		// starts that) and the browser's scroll anchoring keeps the page steady.
		const wheel = 400;
		let probed = 0;
		await page.mouse.move(viewport.width / 4, viewport.height * 0.8);
		for (let i = 0; i < 12; i++) {
			// A paragraph in the lower part of the window (below the pinned figure on phones).
			const before = await page.evaluate((height) => {
				const probe = [...document.querySelectorAll('.chapters p, .chapters h2')].find((el) => {
					const box = el.getBoundingClientRect();
					return box.bottom > height * 0.55 && box.top < height * 0.95;
				});
				(window as unknown as { __probe?: Element }).__probe = probe;
				return probe?.getBoundingClientRect().top ?? null;
			}, viewport.height);
			const from = await page.evaluate(() => scrollY);
			await page.mouse.wheel(0, -wheel);
			// Until the scroll has started, then settled.
			await page.waitForFunction((from) => scrollY !== from, from);
			let y = -1;
			await expect
				.poll(async () => {
					const now = await page.evaluate(() => scrollY);
					const settled = now === y;
					y = now;
					return settled;
				})
				.toBe(true);
			if (before === null) continue;
			probed++;
			const after = await page.evaluate(
				() => (window as unknown as { __probe: Element }).__probe.getBoundingClientRect().top
			);
			// (Within a pixel: the browser rounds what it scrolls to keep the page in place.)
			expect(Math.abs(after - before - wheel), `wheel ${i}`).toBeLessThanOrEqual(1);
		}
		const proseShift = () =>
			page.evaluate(() => (window as unknown as { __proseShift: number }).__proseShift);
		expect(probed).toBeGreaterThan(6);
		expect(await proseShift()).toBe(0);
	});
}

test('a chapter’s first step opened on a phone shows its whole figure, over the try-it before it', async ({
	page,
	request
}) => {
	// The try-it that ends the chapter before is still partly on screen there (the new chapter's
	// heading and opening are shorter than the pinned figure), and the figure pane must cover it,
	// as it covers the prose that scrolls under it.
	const chapters = await essayIndex(request);
	const firsts = chapters
		.slice(1)
		.map((c, i) => ({ chapter: c.slug, id: c.steps[0].id, before: chapters[i].slug }));
	expect(firsts.length).toBeGreaterThan(1);
	await page.setViewportSize({ width: 390, height: 844 });
	const covered: string[] = [];
	let overlapping = 0;
	for (const step of firsts) {
		await page.goto(`/${step.chapter}/${step.id}/`);
		await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', step.id);
		await expect(page.locator(`article#${step.id}`)).toBeInViewport();
		// Where the try-it before it is still on screen, wait for it to be shown (its static copy
		// comes in once it is in view).
		const slot = page.locator(`.tryit-slot[data-chapter="${step.before}"]`);
		if (await slot.evaluate((el) => el.getBoundingClientRect().bottom > 0)) {
			overlapping += 1;
			await expect(slot.locator('section.tryit').first()).toBeInViewport();
		}
		const hits = await page.evaluate(() => {
			const pane = document.querySelector('.figure-pane')!.getBoundingClientRect();
			const out: string[] = [];
			for (const dy of [4, 24, 48, 72, 120])
				for (const fx of [0.25, 0.5, 0.75]) {
					const hit = document.elementFromPoint(pane.left + fx * pane.width, pane.top + dy);
					if (!hit?.closest('.figure-pane')) out.push(`${dy}px: ${hit?.className || hit?.tagName}`);
				}
			return out;
		});
		covered.push(...hits.map((h) => `${step.id} ${h}`));
	}
	// Not a test of nothing: some chapter starts with the try-it before it still on screen.
	expect(overlapping).toBeGreaterThan(0);
	expect(covered).toEqual([]);
});
