// Shared helpers for the end-to-end tests: the published step index and small page utilities.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** A step as listed in /data/index.json. */
export interface IndexStep {
	id: string;
	stage: string;
}

/** A chapter as listed in /data/index.json. */
export interface IndexChapter {
	slug: string;
	title: string;
	steps: IndexStep[];
}

/** The essay's chapters and steps in reading order, from the published index. */
export async function essayIndex(request: APIRequestContext): Promise<IndexChapter[]> {
	const res = await request.get('/data/index.json');
	if (!res.ok()) throw new Error(`/data/index.json: ${res.status()}`);
	return (await res.json()).chapters as IndexChapter[];
}

/** All steps in reading order, with their chapter slug. */
export async function allSteps(request: APIRequestContext) {
	return (await essayIndex(request)).flatMap((c) =>
		c.steps.map((s) => ({ ...s, chapter: c.slug }))
	);
}

/**
 * Wait until the prose above step `id` is all laid out: on a step URL the reader's first move lays
 * it out a block per idle period (essay-client/controller.ts, layOutAbove).
 */
export async function proseAboveLaidOut(page: Page, id: string) {
	await expect
		.poll(() =>
			page.evaluate((id) => {
				const step = document.getElementById(id)!;
				return [...document.querySelectorAll('.chapter .prose')]
					.filter((p) => p.compareDocumentPosition(step) & Node.DOCUMENT_POSITION_FOLLOWING)
					.every((p) => p.classList.contains('laid-out'));
			}, id)
		)
		.toBe(true);
}

/** Open `path` at a 1280 × 800 desktop viewport and wait until the essay's app has started. */
export async function openLive(page: Page, path: string) {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
}

/**
 * Expect the address bar to come to hold the URL of the step the pinned figure shows. Both may
 * still settle when the scroll stops: the address waits for the page to be still, and so does the
 * figure's catch-up after a jump (which can change the step shown), so they are read together
 * until they agree.
 */
export async function expectAddressOfShownStep(
	page: Page,
	steps: { id: string; chapter: string }[]
) {
	const shown = async () => {
		const active = await page.locator('.figure-pane [data-step]').getAttribute('data-step');
		const located = steps.find((s) => s.id === active);
		expect(located, `the figure shows a known step (${active})`).toBeTruthy();
		const path = `/${located!.chapter}/${located!.id}/`;
		return new URL(page.url()).pathname.endsWith(path) ? 'agree' : `${path} ≠ ${page.url()}`;
	};
	await expect.poll(shown, { timeout: 8000 }).toBe('agree');
}

/**
 * Record every value the figure's data-step takes, from now on, into window.__steps.
 * Robust to fast scrolling: a MutationObserver sees each change even if a test polls slowly.
 */
export async function recordFigureSteps(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { __steps: string[] };
		const pane = document.querySelector('.figure-pane')!;
		const current = () => pane.querySelector('[data-step]')?.getAttribute('data-step') ?? '';
		w.__steps = [current()];
		// The prerendered figure is swapped for a live one on the first move: watch the whole pane.
		new MutationObserver(() => {
			const id = current();
			if (id && w.__steps[w.__steps.length - 1] !== id) w.__steps.push(id);
		}).observe(pane, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ['data-step']
		});
	});
}

/** The data-step values recorded since {@link recordFigureSteps}. */
export async function recordedSteps(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
}

/** Scroll with the mouse wheel, like a reader, until the page bottom (or top, for negative dy). */
export async function wheelThrough(page: Page, dy: number) {
	await page.mouse.move(200, 300);
	for (let i = 0; i < 2000; i++) {
		const before = await page.evaluate(() => window.scrollY);
		await page.mouse.wheel(0, dy);
		await page.waitForTimeout(40);
		const after = await page.evaluate(() => window.scrollY);
		if (after === before) {
			await page.waitForTimeout(150);
			if ((await page.evaluate(() => window.scrollY)) === before) break;
		}
	}
}

/**
 * From the next page load on, record every size given to the live figure's canvases, in order:
 * "fig-grid-canvas width 520" (a size set to the value it already has is not a change). Read the
 * record with `canvasSizes`.
 */
export async function recordCanvasSizes(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __sized: string[] };
		w.__sized = [];
		for (const side of ['width', 'height'] as const) {
			const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, side)!;
			Object.defineProperty(HTMLCanvasElement.prototype, side, {
				get() {
					return d.get!.call(this);
				},
				set(value: number) {
					if (this.closest('.figure-live') && d.get!.call(this) !== value)
						w.__sized.push(`${this.className.split(' ')[1]} ${side} ${value}`);
					d.set!.call(this, value);
				}
			});
		}
	});
}

/** The sizes recorded since the page loaded (see recordCanvasSizes). */
export async function canvasSizes(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __sized: string[] }).__sized);
}
