// Deep links: every step URL opens the essay at that step, with its own title and meta tags.
import { expect, test, type Page } from '@playwright/test';
import { allSteps } from './helpers';

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

test('a step URL lays out the prose above its step, and leaves what is far below for later', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const step = steps[Math.floor(steps.length / 2)];
	await page.goto(`/${step.chapter}/${step.id}/`);
	expect(await rendered(page, `article#${steps[1].id} .prose p`)).toBe(true);
	expect(await rendered(page, `article#${step.id} .prose p`)).toBe(true);
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
			const w = window as unknown as { __shift: number };
			w.__shift = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
					w.__shift += e.value;
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
		expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
	});
}
