// axe-core (WCAG 2.0/2.1 A and AA) on the essay, a step URL and an embed, phone and desktop, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { allSteps } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GRID_STAGES = new Set(['dot-product', 'scale', 'softmax', 'mask']);

/** Run axe on the page as it is now; every violation is listed with the elements it names. */
async function expectNoViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	const found = violations.map((v) => ({
		rule: v.id,
		impact: v.impact,
		nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`)
	}));
	expect(found).toEqual([]);
}

/** The first step whose figure is the attention grid. */
async function firstGridStep(request: Parameters<typeof allSteps>[0]) {
	const step = (await allSteps(request)).find((s) => GRID_STAGES.has(s.stage));
	if (!step) throw new Error('no grid step in the essay');
	return step;
}

for (const width of [390, 1280]) {
	for (const colorScheme of ['light', 'dark'] as const) {
		test.describe(`axe at ${width} px, ${colorScheme}`, () => {
			test.use({ viewport: { width, height: 800 }, colorScheme });

			test('the essay from the top', async ({ page }) => {
				await page.goto('/', { waitUntil: 'networkidle' });
				await expectNoViolations(page);
			});

			test('a step URL', async ({ page, request }) => {
				const step = (await allSteps(request))[5];
				await page.goto(`/${step.chapter}/${step.id}/`, { waitUntil: 'networkidle' });
				await expectNoViolations(page);
			});

			test('an embed', async ({ page, request }) => {
				const step = await firstGridStep(request);
				await page.goto(`/embed/${step.chapter}/${step.id}/`);
				await expect(page.locator(`figure[data-step="${step.id}"]`)).toBeVisible();
				await expectNoViolations(page);
			});

			test('a grid step once the live figure has loaded', async ({ page, request }) => {
				const step = await firstGridStep(request);
				await page.goto(`/${step.chapter}/${step.id}/`, { waitUntil: 'networkidle' });
				// The first key wakes the live figure; J then K comes back to the step.
				await page.keyboard.press('j');
				await page.keyboard.press('k');
				const live = page.locator(`.figure-live figure[data-step="${step.id}"]`);
				await expect(live).toBeAttached();
				await expect(live.getByRole('table')).toBeAttached();
				await expect(page.locator('.scrolly > p[aria-live="polite"]')).not.toBeEmpty();
				await expectNoViolations(page);
			});
		});
	}
}

test.describe('text equivalents', () => {
	test('a grid step prerenders its numbers as a data table beside the figure', async ({
		page,
		request
	}) => {
		const step = await firstGridStep(request);
		await page.goto(`/${step.chapter}/${step.id}/`, { waitUntil: 'networkidle' });
		const table = page.locator('.figure-static').getByRole('table');
		await expect(table).toHaveCount(1);
		await expect(table.locator('caption')).toContainText('Rows are queries, columns are keys');
		const columns = await table.locator('thead th[scope="col"]').count();
		const rows = await table.locator('tbody th[scope="row"]').count();
		expect(rows).toBeGreaterThan(1);
		expect(columns).toBe(rows + 1);
		await expect(table.locator('tbody tr').first().locator('td')).toHaveCount(rows);
		// Outside the SVG, and hidden from sight only.
		await expect(page.locator('.figure-static svg table')).toHaveCount(0);
	});

	test('every formula’s MathML reaches a screen reader, and is never laid out for the eye', async ({
		page,
		request,
		playwright,
		launchOptions
	}) => {
		// Opened at the last step's #fragment, all the prose above it is laid out (the .jumped class).
		const last = (await allSteps(request)).at(-1)!;
		const url = `/#${last.id}`;
		const MATHML = {
			math: 'MathMLMath',
			mi: 'MathMLIdentifier',
			mo: 'MathMLOperator',
			mn: 'MathMLNumber',
			mfrac: 'MathMLFraction',
			msqrt: 'MathMLSquareRoot',
			msub: 'MathMLSub'
		};
		await page.goto(url);
		await expect(page.locator('html.jumped')).toBeAttached();
		const dom = await page.evaluate((tags) => {
			const counts: Record<string, number> = {};
			for (const tag of tags)
				counts[tag] = document.querySelectorAll(`mjx-assistive-mml ${tag}`).length;
			const maths = [...document.querySelectorAll('mjx-assistive-mml math')];
			return {
				counts,
				drawn: [...document.querySelectorAll('mjx-container > svg')].filter((svg) =>
					svg.checkVisibility({ contentVisibilityAuto: true })
				).length,
				laidOut: maths.filter((m) => m.checkVisibility({ contentVisibilityAuto: true })).length
			};
		}, Object.keys(MATHML));
		expect(dom.counts.math).toBeGreaterThan(20);
		// The formulas themselves are drawn; their MathML twins cost no layout.
		expect(dom.drawn).toBe(dom.counts.math);
		expect(dom.laidOut).toBe(0);

		// A screen reader running turns on the browser's accessibility for every page; with it on,
		// every MathML element is in the accessibility tree with its role.
		const browser = await playwright.chromium.launch({
			...launchOptions,
			args: [...(launchOptions.args ?? []), '--force-renderer-accessibility']
		});
		try {
			const withAT = await browser.newPage({ baseURL: test.info().project.use.baseURL });
			await withAT.goto(url);
			await expect(withAT.locator('html.jumped')).toBeAttached();
			const cdp = await withAT.context().newCDPSession(withAT);
			const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
				nodes: { ignored: boolean; role?: { value: string } }[];
			};
			const roles: Record<string, number> = {};
			for (const node of nodes) {
				const role = node.role?.value ?? '';
				if (!node.ignored && role.startsWith('MathML')) roles[role] = (roles[role] ?? 0) + 1;
			}
			for (const [tag, role] of Object.entries(MATHML)) {
				expect(roles[role] ?? 0, `${tag} → ${role}`).toBe(dom.counts[tag]);
			}
		} finally {
			await browser.close();
		}
	});

	test('the live region describes each step the reader stops at, once', async ({
		page,
		request
	}) => {
		const steps = await allSteps(request);
		await page.goto(`/${steps[2].chapter}/${steps[2].id}/`, { waitUntil: 'networkidle' });
		await page.evaluate(() => {
			const w = window as unknown as { __said: string[] };
			const region = document.querySelector('.scrolly > p[aria-live="polite"]')!;
			w.__said = [];
			new MutationObserver(() => w.__said.push(region.textContent ?? '')).observe(region, {
				subtree: true,
				childList: true,
				characterData: true
			});
		});
		const said = () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
		const desc = () => page.locator('.figure-live figure desc').textContent();

		// One step at a time: each is announced, with what the figure now shows.
		for (const step of steps.slice(3, 5)) {
			await page.keyboard.press('j');
			await expect(page.locator(`.figure-live figure[data-step="${step.id}"]`)).toBeAttached();
			await expect.poll(async () => (await said()).at(-1) === (await desc())).toBe(true);
		}
		const before = (await said()).length;
		expect(before).toBe(2);
		expect(new Set(await said()).size).toBe(before);

		// Three quick presses: only the step the reader stops at is announced.
		await page.keyboard.press('j');
		await page.keyboard.press('j');
		await page.keyboard.press('j');
		const stop = steps[7];
		await expect(page.locator(`.figure-live figure[data-step="${stop.id}"]`)).toBeAttached();
		await expect.poll(async () => (await said()).at(-1) === (await desc())).toBe(true);
		await page.waitForTimeout(600);
		expect((await said()).length).toBe(before + 1);
	});
});
