// Small screens: nothing scrolls sideways at 320 px, body text is at least 16 px, tap targets are 44 px (size or spacing).
import { expect, test, type Page } from '@playwright/test';
import { allSteps } from './helpers';

test.use({ viewport: { width: 320, height: 640 } });

const TARGET = 44;

/** Pages to check: the essay, a step URL and an embed of a grid step (the widest figure). */
async function pages(request: Parameters<typeof allSteps>[0]) {
	const steps = await allSteps(request);
	const grid = steps.find((s) => s.stage === 'mask') ?? steps[5];
	return [
		{ name: 'essay', path: '/' },
		{ name: 'step', path: `/${grid.chapter}/${grid.id}/` },
		{ name: 'embed', path: `/embed/${grid.chapter}/${grid.id}/` }
	];
}

async function sideways(page: Page) {
	return page.evaluate(() => {
		const root = document.scrollingElement!;
		return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
	});
}

/**
 * Interactive targets smaller than 44 × 44 px whose 44 px circle (centred on the target) meets
 * another target: WCAG 2.5.8's spacing rule, at the size the essay promises. Links inside running
 * text are exempt, as in 2.5.8.
 */
async function crampedTargets(page: Page) {
	return page.evaluate((size) => {
		const selector =
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]';
		const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
			const r = el.getBoundingClientRect();
			if (r.width < 2 || r.height < 2) return false; // hidden, or visually hidden
			if (el.closest('[inert], dialog:not([open]), template')) return false;
			const style = getComputedStyle(el);
			if (style.visibility === 'hidden') return false;
			// An inline link in a sentence: exempt (2.5.8's inline exception).
			if (el.tagName === 'A') {
				const block = el.closest('p, li, figcaption, td');
				const text = block?.textContent?.trim() ?? '';
				if (block && text.length > (el.textContent ?? '').trim().length + 1) return false;
			}
			return true;
		});
		const boxes = all.map((el) => ({ el, r: el.getBoundingClientRect() }));
		const bad: string[] = [];
		for (const { el, r } of boxes) {
			if (r.width >= size - 0.5 && r.height >= size - 0.5) continue;
			const cx = r.left + r.width / 2;
			const cy = r.top + r.height / 2;
			const hit = boxes.find(({ el: other, r: o }) => {
				if (other === el || other.contains(el) || el.contains(other)) return false;
				// Distance from the centre to the other target's rectangle.
				const dx = Math.max(o.left - cx, 0, cx - o.right);
				const dy = Math.max(o.top - cy, 0, cy - o.bottom);
				return Math.hypot(dx, dy) < size / 2;
			});
			if (hit) {
				const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim();
				bad.push(`${name.slice(0, 40)} (${Math.round(r.width)}×${Math.round(r.height)})`);
			}
		}
		return bad;
	}, TARGET);
}

test('nothing scrolls sideways at 320 px', async ({ page, request }) => {
	for (const { name, path } of await pages(request)) {
		await page.goto(path, { waitUntil: 'networkidle' });
		const { scrollWidth, clientWidth } = await sideways(page);
		expect(scrollWidth, `${name}: ${path}`).toBeLessThanOrEqual(clientWidth);
	}
});

test('nothing scrolls sideways at 320 px once the live figure and a try-it have loaded', async ({
	page
}) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.keyboard.press('j');
	await expect(page.locator('.figure-live figure[data-step]')).toBeAttached();
	await page.locator('.tryit-slot').first().scrollIntoViewIfNeeded();
	await page.waitForTimeout(500);
	const { scrollWidth, clientWidth } = await sideways(page);
	expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});

test('the embed dialog fits a 320 px screen', async ({ page, request }) => {
	const step = (await allSteps(request))[5];
	await page.goto(`/${step.chapter}/${step.id}/`, { waitUntil: 'networkidle' });
	await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
	await page.locator(`article#${step.id} .embed-button`).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	const box = (await dialog.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(320);
	expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
	expect(await crampedTargets(page)).toEqual([]);
});

test('body text is at least 16 px on a phone', async ({ page }) => {
	await page.goto('/');
	const sizes = await page.evaluate(() => ({
		body: parseFloat(getComputedStyle(document.body).fontSize),
		prose: [...document.querySelectorAll('.prose p, .prose li')].map((el) =>
			parseFloat(getComputedStyle(el).fontSize)
		)
	}));
	expect(sizes.body).toBeGreaterThanOrEqual(16);
	expect(sizes.prose.length).toBeGreaterThan(20);
	expect(Math.min(...sizes.prose)).toBeGreaterThanOrEqual(16);
});

test('tap targets are at least 44 px, or spaced as if they were', async ({ page, request }) => {
	for (const { name, path } of await pages(request)) {
		await page.goto(path, { waitUntil: 'networkidle' });
		expect(await crampedTargets(page), `${name}: ${path}`).toEqual([]);
	}
});

/** Wait until the page has scrolled away from `from` and holds still for 150 ms. */
async function scrollSettled(page: Page, from: number) {
	let lastY = -1;
	await expect
		.poll(
			async () => {
				const y = await page.evaluate(() => window.scrollY);
				const still = y === lastY && y !== from;
				lastY = y;
				return still;
			},
			{ intervals: [150] }
		)
		.toBe(true);
}

test('the pinned figure never covers the step being read', async ({ page, request }) => {
	const steps = await allSteps(request);
	await page.goto('/', { waitUntil: 'networkidle' });
	for (const step of steps.slice(1, 4)) {
		const from = await page.evaluate(() => window.scrollY);
		await page.keyboard.press('j');
		await expect(page.locator(`article#${step.id}`)).toBeFocused();
		// Where the smooth scroll ends, not where it is when focus has moved (on a busy machine the
		// first one, which also loads the live figure, has barely started then).
		await scrollSettled(page, from);
		const pane = (await page.locator('.figure-pane').boundingBox())!;
		const article = (await page.locator(`article#${step.id}`).boundingBox())!;
		expect(article.y).toBeGreaterThanOrEqual(pane.y + pane.height - 1);
	}
	// A link reached with Tab is scrolled clear of the pinned figure too (the J's scroll has
	// finished above: it would carry the page on past the link Tab brought into view).
	await page.keyboard.press('Tab');
	const focused = (await page.locator(':focus').boundingBox())!;
	const pane = (await page.locator('.figure-pane').boundingBox())!;
	expect(focused.y).toBeGreaterThanOrEqual(pane.y + pane.height - 1);
});
