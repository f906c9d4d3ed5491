// Without JavaScript: the whole essay reads top to bottom, each step shows its figure as a static SVG.
import { expect, test } from '@playwright/test';
import { allSteps } from './helpers';

test('the essay is readable and every step shows its static figure', async ({ page, request }) => {
	const steps = await allSteps(request);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	for (const step of steps) {
		const article = page.locator(`article#${step.id}`);
		await expect(article).toHaveAttribute('data-stage', step.stage);
		const img = article.locator('img.step-static');
		await expect(img).toHaveAttribute(
			'src',
			new RegExp(`/figures/${step.chapter}/${step.id}\\.svg$`)
		);
		expect((await article.innerText()).length).toBeGreaterThan(80);
	}
	const svg = await request.get(`/figures/${steps[0].chapter}/${steps[0].id}.svg`);
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	expect(await svg.text()).toContain(`data-step="${steps[0].id}"`);
});

test('static figures load and are in the state of their step', async ({ page, request }) => {
	const steps = await allSteps(request);
	await page.goto('/');
	for (const step of steps.slice(0, 4)) {
		const img = page.locator(`article#${step.id} img.step-static`);
		await img.scrollIntoViewIfNeeded();
		await expect
			.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
			.toBeGreaterThan(0);
	}
	for (const step of steps) {
		const text = await (await request.get(`/figures/${step.chapter}/${step.id}.svg`)).text();
		expect(text).toMatch(
			new RegExp(
				`data-step="${step.id}"[^>]*data-stage="${step.stage}"|data-stage="${step.stage}"[^>]*data-step="${step.id}"`
			)
		);
	}
});

test('a deep link says which step it opens and shows that figure', async ({ page, request }) => {
	const step = (await allSteps(request))[3];
	await page.goto(`/${step.chapter}/${step.id}/`);
	await expect(page.locator('.opened-at a')).toHaveAttribute('href', `#${step.id}`);
	await expect(page.locator(`article#${step.id} img.step-static`)).toBeAttached();
});

test('each grid step carries its numbers as a table for screen readers', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const grids = steps.filter((s) => ['dot-product', 'scale', 'softmax', 'mask'].includes(s.stage));
	expect(grids.length).toBeGreaterThan(4);
	await page.goto('/');
	for (const step of grids) {
		const table = page.locator(`article#${step.id} .step-table table`);
		await expect(table).toHaveCount(1);
		// A row per query word, each with numbers in it.
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
		await expect(table.locator('tbody td').first()).toHaveText(/\d/);
	}
});
