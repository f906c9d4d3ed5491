// Embeds without JavaScript: the figure, caption and link are all in the prerendered HTML.
import { expect, test } from '@playwright/test';
import { allSteps } from './helpers';

test('an embed reads without JavaScript: figure, caption and link, no dead buttons', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	for (const step of [steps[0], steps[5], steps[steps.length - 1]]) {
		await page.goto(`/embed/${step.chapter}/${step.id}/`);
		const figure = page.locator(`figure[data-step="${step.id}"]`);
		await expect(figure).toHaveAttribute('data-stage', step.stage);
		await expect(figure.getByRole('img')).toBeVisible();
		expect((await figure.locator('svg').boundingBox())!.width).toBeGreaterThan(250);
		await expect(page.locator('.caption')).toBeVisible();
		await expect(page.getByRole('link', { name: /read this step/i })).toHaveAttribute(
			'href',
			new RegExp(`/${step.chapter}/${step.id}/$`)
		);
		await expect(page.getByRole('button')).toHaveCount(0);
	}
});
