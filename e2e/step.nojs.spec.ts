// A step URL and an embed without JavaScript: the right step's figure, grid numbers as a table, no dead controls.
import { expect, test } from '@playwright/test';
import { allSteps } from './helpers';

const GRID_STAGES = new Set(['dot-product', 'scale', 'softmax', 'mask']);

test('a step URL leads to that step, showing its own static figure', async ({ page, request }) => {
	const steps = await allSteps(request);
	const step = steps[6];
	await page.goto(`/${step.chapter}/${step.id}/`);
	await expect(page).toHaveTitle(/—/);
	await page.locator('.opened-at a').click();
	await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
	const img = page.locator(`article#${step.id} img.step-static`);
	await expect(img).toBeInViewport();
	await expect(img).toHaveAttribute(
		'src',
		new RegExp(`/figures/${step.chapter}/${step.id}\\.svg$`)
	);
	await expect
		.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
		.toBeGreaterThan(0);
	// Controls that need JavaScript are not shown.
	await expect(page.locator('.theme-toggle').first()).toBeHidden();
	await expect(page.locator('.embed-button').first()).toBeHidden();
	await expect(page.locator('.figure-pane')).toBeHidden();
});

test('every grid step carries its numbers as a data table', async ({ page, request }) => {
	const grid = (await allSteps(request)).filter((s) => GRID_STAGES.has(s.stage));
	expect(grid.length).toBeGreaterThan(3);
	await page.goto('/');
	for (const step of grid) {
		const table = page.locator(`article#${step.id}`).getByRole('table');
		await expect(table).toHaveCount(1);
		await expect(table.locator('caption')).toContainText('Rows are queries, columns are keys');
		// A row per query and a column per key: the sentence's own words, or in cross-attention
		// the source's.
		const data = await (await request.get(`/data/${step.chapter}/${step.id}.json`)).json();
		const sentence = data.sentences.find((x: { tokens: string[] }) => x.tokens.length > 0);
		const keys = (sentence.source ?? sentence).tokens.length;
		await expect(table.locator('tbody th[scope="row"]')).toHaveCount(sentence.tokens.length);
		await expect(table.locator('thead th[scope="col"]')).toHaveCount(keys + 1);
		await expect(table.locator('td')).toHaveCount(sentence.tokens.length * keys);
	}
	await expect(
		page.locator(
			'article:not([data-stage="dot-product"]):not([data-stage="scale"]):not([data-stage="softmax"]):not([data-stage="mask"]) table'
		)
	).toHaveCount(0);
});

test('an embed of a grid step shows its figure and table in the step state', async ({
	page,
	request
}) => {
	const step = (await allSteps(request)).find((s) => s.stage === 'mask')!;
	await page.goto(`/embed/${step.chapter}/${step.id}/`);
	const figure = page.locator(`[data-embed-figure] figure[data-step="${step.id}"]`);
	await expect(figure).toHaveAttribute('data-stage', 'mask');
	await expect(figure.getByRole('img')).toBeVisible();
	await expect(figure.getByRole('table')).toHaveCount(1);
	await expect(figure.locator('table caption')).toContainText('causal mask');
	await expect(figure.locator('td', { hasText: 'masked' }).first()).toBeAttached();
});
