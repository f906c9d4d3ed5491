// Byte budgets on first load (deterministic: bytes, not times), printed beside their limits.
import { expect, test, type Page } from '@playwright/test';
import { allSteps } from './helpers';

const KB = 1024;

interface Load {
	js: number;
	total: number;
	byKind: Record<string, number>;
	foreign: string[];
	urls: string[];
}

/**
 * Load a page without scrolling and add up the compressed bytes of every response, by kind. With
 * `app`, wait until the essay's app has started (html[data-essay=live]) and the network is quiet
 * again, so its scripts are surely counted (a run once reported none for a step URL).
 */
async function firstLoad(page: Page, path: string, app = false): Promise<Load> {
	type Size = { url: string; kind: string; bytes: number };
	const sizes: Promise<Size | null>[] = [];
	page.on('requestfinished', (req) => {
		sizes.push(
			req
				.sizes()
				.then((s) => ({
					url: req.url(),
					kind: req.resourceType(),
					bytes: s.responseBodySize + s.responseHeadersSize
				}))
				// A request that finishes as the page closes has no sizes: not a first-load byte.
				.catch(() => null)
		);
	});
	const foreign: string[] = [];
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol !== 'data:') {
			foreign.push(req.url());
		}
	});
	await page.goto(path, { waitUntil: 'networkidle' });
	if (app) {
		await page.locator('html[data-essay="live"]').waitFor({ state: 'attached' });
		await page.waitForLoadState('networkidle');
	}
	const all = (await Promise.all(sizes)).filter((s): s is Size => s !== null);
	const byKind: Record<string, number> = {};
	for (const s of all) byKind[s.kind] = (byKind[s.kind] ?? 0) + s.bytes;
	return {
		js: byKind.script ?? 0,
		total: all.reduce((a, s) => a + s.bytes, 0),
		byKind,
		foreign,
		urls: all.map((s) => s.url)
	};
}

function report(name: string, load: Load, jsBudget: number, totalBudget: number) {
	const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
	const kinds = Object.entries(load.byKind)
		.map(([k, v]) => `${k} ${kb(v)}`)
		.join(', ');
	console.log(
		`${name}: JS ${kb(load.js)} / ${kb(jsBudget)} · all ${kb(load.total)} / ${kb(totalBudget)} (${kinds})`
	);
}

test.describe('first-load budgets (gzip)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('the whole essay at / ships ≤ 60 KB of JS and ≤ 200 KB in all', async ({ page }) => {
		const load = await firstLoad(page, '/', true);
		report('/', load, 60 * KB, 200 * KB);
		expect(load.foreign).toEqual([]);
		expect(load.urls.some((u) => /\/entry\/essay\.[\w-]+\.js$/.test(u))).toBe(true); // counted
		expect(load.js).toBeLessThanOrEqual(60 * KB);
		expect(load.total).toBeLessThanOrEqual(200 * KB);
		expect(load.urls.filter((u) => /\/(data|previews)\//.test(u))).toEqual([]);
	});

	test('a step URL ships ≤ 60 KB of JS and ≤ 200 KB in all', async ({ page, request }) => {
		const step = (await allSteps(request))[10];
		const load = await firstLoad(page, `/${step.chapter}/${step.id}/`, true);
		report(`/${step.chapter}/${step.id}/`, load, 60 * KB, 200 * KB);
		expect(load.foreign).toEqual([]);
		expect(load.urls.some((u) => /\/entry\/essay\.[\w-]+\.js$/.test(u))).toBe(true); // counted
		expect(load.js).toBeLessThanOrEqual(60 * KB);
		expect(load.total).toBeLessThanOrEqual(200 * KB);
	});

	test('an embed ships ≤ 35 KB of JS and ≤ 80 KB in all', async ({ page, request }) => {
		const step = (await allSteps(request))[5];
		const load = await firstLoad(page, `/embed/${step.chapter}/${step.id}/`);
		report(`/embed/${step.chapter}/${step.id}/`, load, 35 * KB, 80 * KB);
		expect(load.foreign).toEqual([]);
		expect(load.js).toBeLessThanOrEqual(35 * KB);
		expect(load.total).toBeLessThanOrEqual(80 * KB);
	});
});
