// Keyboard only: Tab reaches every control with a visible focus ring, J/K move between steps, the embed dialog traps focus only while open.
import { expect, test, type Page } from '@playwright/test';
import { PINNED, WIDE } from '../src/lib/scroll/pinned';
import { allSteps } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

/** What has focus now: a short description, and whether it shows a focus indicator. */
async function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		const ring =
			(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
			style.boxShadow !== 'none';
		const r = el.getBoundingClientRect();
		return {
			tag: el.tagName.toLowerCase(),
			name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' '),
			href: el.getAttribute('href'),
			className: el.className,
			focusVisible: el.matches(':focus-visible'),
			ring,
			inView: r.bottom > 0 && r.top < innerHeight && r.width > 0 && r.height > 0,
			inDialog: !!el.closest('dialog')
		};
	});
}

test('Tab reaches the skip link, contents, theme toggle and step tools, each with a visible ring', async ({
	page
}) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	const seen: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		expect(f, `Tab ${i + 1} lost focus`).not.toBeNull();
		expect(f!.focusVisible && f!.ring, `no visible focus ring on ${JSON.stringify(f)}`).toBe(true);
		expect(f!.inView, `focused element off screen: ${JSON.stringify(f)}`).toBe(true);
		seen.push(f!);
		if (f!.name.startsWith('Embed')) break;
	}
	expect(seen[0]).toMatchObject({ tag: 'a', href: '#essay', name: 'Skip to the essay' });
	const names = seen.map((f) => f.name);
	for (const chapter of ['Hot dog', 'Mole', 'Fluffy creature', 'Scaling up']) {
		expect(names).toContain(chapter);
	}
	expect(names.some((n) => n.endsWith('Dark mode'))).toBe(true);
	expect(names.some((n) => n.startsWith('Copy link'))).toBe(true);
	expect(names.at(-1)).toMatch(/^Embed/);
});

test('the skip link takes keyboard focus to the essay', async ({ page }) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#essay$/);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('the theme toggle works from the keyboard and is remembered', async ({ page }) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	const toggle = page.locator('.masthead .theme-toggle');
	await toggle.focus();
	const before = await page.evaluate(
		() => getComputedStyle(document.documentElement).backgroundColor
	);
	await page.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	// The footer's switch shows the same theme, with the moon.
	const footer = page.locator('.colophon .theme-toggle');
	await expect(footer).toHaveAttribute('aria-pressed', 'true');
	await expect(footer.locator('[aria-hidden="true"]')).toHaveText('☾');
	const dark = await page.evaluate(
		() => getComputedStyle(document.documentElement).backgroundColor
	);
	expect(dark).not.toBe(before);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await toggle.focus();
	await page.keyboard.press('Space');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect(footer).toHaveAttribute('aria-pressed', 'false');
	await expect(footer.locator('[aria-hidden="true"]')).toHaveText('☀');
});

test('J and K (and N and P) move the figure to the next and previous step', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.goto('/', { waitUntil: 'networkidle' });
	// The live figure replaces the prerendered one on the first key: follow the last of them.
	const figure = page.locator('.figure-pane figure[data-step]').last();
	await expect(figure).toHaveAttribute('data-step', steps[0].id);
	await page.keyboard.press('j');
	await expect(figure).toHaveAttribute('data-step', steps[1].id);
	await expect(page).toHaveURL(new RegExp(`/${steps[1].chapter}/${steps[1].id}/$`));
	await expect(page.locator(`article#${steps[1].id}`)).toBeFocused();
	await page.keyboard.press('n');
	await expect(figure).toHaveAttribute('data-step', steps[2].id);
	await page.keyboard.press('k');
	await expect(figure).toHaveAttribute('data-step', steps[1].id);
	await page.keyboard.press('p');
	await expect(figure).toHaveAttribute('data-step', steps[0].id);
	// From the focused step, Tab goes on to that step's own controls.
	await page.keyboard.press('Tab');
	expect((await focused(page))?.name).toMatch(/^Copy link/);
	expect(await page.evaluate(() => document.activeElement?.closest('article')?.id ?? null)).toBe(
		steps[0].id
	);
});

/**
 * How far the window is from where it should be for step `id` to sit at its pinned line: the
 * larger of two readings 300 ms apart, so a scroll merely passing through the place does not count.
 */
async function offTarget(page: Page, id: string) {
	const read = () =>
		page.evaluate(
			([id, wide, pinned]) => {
				const el = document.getElementById(id)!;
				const line = (matchMedia(wide).matches ? pinned.wide : pinned.narrow) * innerHeight;
				const end = document.documentElement.scrollHeight - innerHeight;
				const target = Math.max(0, Math.min(end, el.getBoundingClientRect().top + scrollY - line));
				return Math.round(Math.abs(target - scrollY));
			},
			[id, WIDE, PINNED] as const
		);
	const first = await read();
	await page.waitForTimeout(300);
	return Math.max(first, await read());
}

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
]) {
	test(`J and K land on their step when the page above changes height on the way (${viewport.width} px)`, async ({
		page,
		request
	}) => {
		// The context-length slider lives in its step only while that step or a neighbour is
		// active: J from the step after it unmounts it (the page above shrinks by its height while
		// the smooth scroll runs), K back mounts it again (the page above grows).
		await page.setViewportSize(viewport);
		const steps = await allSteps(request);
		const i = steps.findIndex((s) => s.id === 'embarrassingly-parallel');
		expect(steps[i - 1].id).toBe('context-squared');
		const [here, next] = [steps[i], steps[i + 1]];
		await page.goto(`/${here.chapter}/${here.id}/`, { waitUntil: 'networkidle' });
		await page.mouse.move(200, 200);
		await expect(page.locator('.context-control .clc')).toBeAttached();
		await page.keyboard.press('j');
		await expect(page.locator('.context-control .clc')).toHaveCount(0);
		await expect.poll(() => offTarget(page, next.id), { timeout: 8000 }).toBeLessThan(6);
		await page.keyboard.press('k');
		await expect(page.locator('.context-control .clc')).toBeAttached();
		await expect.poll(() => offTarget(page, here.id), { timeout: 8000 }).toBeLessThan(6);
		await expect(page.locator(`article#${here.id}`)).toBeInViewport();
	});
}

test('a wheel turned while J scrolls leaves the reader where they scrolled to', async ({
	page,
	request
}) => {
	// The steering that brings a key's step back into place must give way to the reader's hand.
	const steps = await allSteps(request);
	const i = steps.findIndex((s) => s.id === 'embarrassingly-parallel');
	const [here, next] = [steps[i], steps[i + 1]];
	await page.goto(`/${here.chapter}/${here.id}/`, { waitUntil: 'networkidle' });
	await page.mouse.move(200, 200);
	await expect(page.locator('.context-control .clc')).toBeAttached();
	await page.keyboard.press('j');
	await page.mouse.wheel(0, -600);
	await page.waitForTimeout(2500);
	expect(await offTarget(page, next.id)).toBeGreaterThan(200);
});

/**
 * Open `/` with the essay's script held back, press `keys` while it is still loading, then let the
 * script load and wait until the essay is live. (The page's parsing is done when the footer is in,
 * but a module script still to run holds DOMContentLoaded back.)
 */
async function pressWhileLoading(page: Page, keys: string[]) {
	let release = () => {};
	const gate = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/entry/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/', { waitUntil: 'commit' });
	await page.locator('footer.colophon').waitFor({ state: 'attached' });
	await expect(page.locator('html')).not.toHaveAttribute('data-essay', 'live');
	for (const key of keys) await page.keyboard.press(key);
	release();
	await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
}

test('J pressed while the page is still loading is not lost', async ({ page, request }) => {
	const steps = await allSteps(request);
	await pressWhileLoading(page, ['j', 'j']);
	const figure = page.locator('.figure-pane figure[data-step]').last();
	await expect(figure).toHaveAttribute('data-step', steps[2].id);
	await expect(page).toHaveURL(new RegExp(`/${steps[2].chapter}/${steps[2].id}/$`));
	await expect(page.locator(`article#${steps[2].id}`)).toBeFocused();
	await expect(page.locator(`article#${steps[2].id}`)).toBeInViewport();
});

test('J then K pressed while the page is still loading wakes the live figure where it opened', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	// The two keys cancel out: the essay stays at its first step, but the reader has moved.
	await pressWhileLoading(page, ['j', 'k']);
	await expect(page.locator(`.figure-live figure[data-step="${steps[0].id}"]`)).toBeAttached();
	await expect(page.locator('.figure-static')).toHaveCount(0);
});

test('the embed dialog opens from the keyboard, holds focus while open, and Esc gives it back', async ({
	page,
	request
}) => {
	const step = (await allSteps(request))[5];
	await page.goto(`/${step.chapter}/${step.id}/`, { waitUntil: 'networkidle' });
	await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
	const opener = page.locator(`article#${step.id} .embed-button`);
	await opener.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog');
	// The dialog's code loads on first use.
	await expect(dialog).toBeVisible({ timeout: 15_000 });
	await expect.poll(async () => (await focused(page))?.inDialog).toBe(true);

	// Tab and Shift+Tab never leave the dialog for the page behind it.
	const names = new Set<string>();
	for (let i = 0; i < 20; i++) {
		await page.keyboard.press(i < 14 ? 'Tab' : 'Shift+Tab');
		const f = await focused(page);
		if (f === null) continue; // focus went to the browser's own UI, not to the page
		expect(f.inDialog, `focus escaped the dialog to ${JSON.stringify(f)}`).toBe(true);
		expect(f.focusVisible && f.ring, `no visible focus ring on ${JSON.stringify(f)}`).toBe(true);
		names.add(`${f.tag}:${f.name}`);
	}
	expect(names.size).toBeGreaterThan(4);
	// Keys that move between steps do nothing while the dialog is open.
	await page.keyboard.press('j');
	await expect(page).toHaveURL(new RegExp(`/${step.chapter}/${step.id}/$`));

	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	await expect(opener).toBeFocused();
	// Closed, it holds nothing: Tab moves on through the page.
	await page.keyboard.press('Tab');
	const next = await focused(page);
	expect(next?.inDialog).toBe(false);
	expect(next?.name).toMatch(/^Numbers as JSON/);
});
