// Without JavaScript: every chapter's try-it is prerendered in its default state, readable, with a note.
import { expect, test } from '@playwright/test';
import { essayIndex } from './helpers';

test('each chapter ends with a readable try-it in its default state', async ({ page, request }) => {
	const chapters = await essayIndex(request);
	await page.goto('/');
	for (const chapter of chapters) {
		const t = page.locator(`[data-tryit="${chapter.slug}"]`);
		await expect(t.getByRole('heading', { name: 'Try it yourself' })).toBeVisible();
		await expect(t.locator('.tryit-nojs')).toContainText('needs JavaScript');
		const sentence = await t.locator('.tryit-input').inputValue();
		expect(sentence.length).toBeGreaterThan(0);
		const tokens = await t.locator('.tryit-token bdi').allInnerTexts();
		expect(tokens.join(' ')).toBe(sentence.toLowerCase());
		await expect(t.locator('.tryit-token[aria-pressed="true"]')).toHaveCount(1);
		await expect(t.locator('.tryit-grid .fig-row')).toHaveCount(tokens.length);
		await expect(t.getByRole('radio')).toHaveCount(5);
		await expect(t.getByRole('slider')).toHaveCount(4);
		const weights = await t
			.locator('.tryit-weights tbody tr')
			.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-weight'))));
		expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
		await expect(t.getByRole('link', { name: 'Copy link' })).toHaveAttribute(
			'href',
			new RegExp(`^/\\?try=${chapter.slug}&s=`)
		);
	}
});

test('a try-it embed is prerendered in its chapter’s default state', async ({ page, request }) => {
	const [chapter] = await essayIndex(request);
	await page.goto(`/embed/${chapter.slug}/try/`);
	const t = page.locator(`[data-tryit="${chapter.slug}"]`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(chapter.title);
	await expect(t.locator('.tryit-grid .fig-row').first()).toBeAttached();
	await expect(t.locator('.tryit-nojs')).toBeVisible();
});
