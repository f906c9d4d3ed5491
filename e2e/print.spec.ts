// Printing: every step's prose with its own static figure, loaded and in that step's state; no sticky figure; paper is light.
import { expect, test, type Page } from '@playwright/test';
import { allSteps } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

/** How many of the steps' static figures have loaded, of how many. */
async function loadedFigures(page: Page) {
	return page.evaluate(() => {
		const imgs = [...document.querySelectorAll<HTMLImageElement>('img.step-static')];
		return {
			loaded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
			all: imgs.length
		};
	});
}

test('print media shows each step with its figure, and hides the sticky one', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.goto('/', { waitUntil: 'networkidle' });
	// Lazy figures far down the page have not loaded on screen (they load for a real print, below).
	expect((await loadedFigures(page)).loaded).toBeLessThan(steps.length);
	await page.emulateMedia({ media: 'print' });

	await expect(page.locator('.figure-pane')).toBeHidden();
	await expect(page.locator('.step-tools').first()).toBeHidden();
	await expect(page.locator('.masthead .theme-toggle')).toBeHidden();
	for (const step of steps) {
		const img = page.locator(`article#${step.id} img.step-static`);
		await expect(img).toBeVisible();
		await expect(img).toHaveAttribute(
			'src',
			new RegExp(`/figures/${step.chapter}/${step.id}\\.svg$`)
		);
		await expect(page.locator(`article#${step.id} .prose`)).toBeVisible();
	}
	// All the prose is laid out on paper, and a try-it not yet loaded leaves no blank space.
	const laidOut = await page
		.locator('.chapter .prose')
		.evaluateAll((els) => els.every((el) => el.checkVisibility({ contentVisibilityAuto: true })));
	expect(laidOut).toBe(true);
	const blank = await page
		.locator('.chapter .tryit-static')
		.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
	expect(blank.length).toBeGreaterThan(0);
	for (const height of blank) expect(height).toBeLessThan(10);
});

test('printing for real loads every figure first', async ({ page, context, request }) => {
	test.setTimeout(60_000);
	const steps = await allSteps(request);
	// Figures that take a while to arrive, as on a real network: the print waits for them.
	await context.route(/\/figures\/.*\.svg$/, async (route) => {
		await new Promise((done) => setTimeout(done, 200));
		await route.continue();
	});
	// What the paper holds with every figure loaded before printing.
	const loaded = await context.newPage();
	await loaded.goto('/', { waitUntil: 'networkidle' });
	await loaded.evaluate(() =>
		Promise.all(
			[...document.querySelectorAll<HTMLImageElement>('img.step-static')].map((img) => {
				img.loading = 'eager';
				return img.decode().catch(() => {});
			})
		)
	);
	expect(await loadedFigures(loaded)).toEqual({ loaded: steps.length, all: steps.length });
	const full = (await loaded.pdf({ format: 'A4' })).byteLength;
	await page.goto('/', { waitUntil: 'networkidle' });
	expect((await loadedFigures(page)).loaded).toBeLessThan(steps.length);
	const pdf = await page.pdf({ format: 'A4' });
	expect(await loadedFigures(page)).toEqual({ loaded: steps.length, all: steps.length });
	// The same paper: a figure left out would take some 2% of it away (about 25 KB of 1.2 MB).
	expect(pdf.byteLength).toBeGreaterThan(full * 0.99);
});

test('paper is light even when the reader chose dark', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/');
	await page.evaluate(() => localStorage.setItem('theme', 'dark'));
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const screenColour = await page.evaluate(() => getComputedStyle(document.body).color);
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	const printColour = await page.evaluate(() => getComputedStyle(document.body).color);
	expect(printColour).not.toBe(screenColour);
	expect(printColour).toBe('rgb(31, 31, 31)');
});
