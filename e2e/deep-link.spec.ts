// Deep links: every step URL opens the essay at that step, with its own title and meta tags.
import { expect, test } from '@playwright/test';
import { allSteps } from './helpers';

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
