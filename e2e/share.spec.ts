// Sharing a step: card tags, preview images, oEmbed documents, downloads, copy link, the embed
// dialog, the address bar while reading, old addresses (redirect map) and unknown ones (404).
import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { REDIRECTS } from '../src/lib/redirects';
import { allSteps } from './helpers';

/** The configured public origin plus base path, as the home page's canonical URL states it. */
async function siteUrl(request: APIRequestContext): Promise<string> {
	const html = await (await request.get('/')).text();
	const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
	expect(canonical, 'the home page has a canonical URL').toBeTruthy();
	return canonical!.replace(/\/$/, '');
}

/** The content of `<meta property|name="key">` in a page's HTML. */
function meta(html: string, key: string): string | undefined {
	const re = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`);
	return re.exec(html)?.[1];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
	expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('the sitemap lists the essay and every step once, each at its canonical address; robots.txt names it', async ({
	request
}) => {
	const site = await siteUrl(request);
	const robots = await request.get('/robots.txt');
	expect(robots.status()).toBe(200);
	expect(await robots.text()).toContain(`\nSitemap: ${site}/sitemap.xml\n`);

	const response = await request.get('/sitemap.xml');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('xml');
	const xml = await response.text();
	const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
	const steps = await allSteps(request);
	expect(locs).toEqual([`${site}/`, ...steps.map((s) => `${site}/${s.chapter}/${s.id}/`)]);
	// Each one is a page that calls itself canonical and does not ask to be left out.
	for (const loc of locs) {
		const page = await request.get(loc.slice(site.length) || '/');
		expect(page.status(), loc).toBe(200);
		const html = await page.text();
		expect(html, loc).toContain(`<link rel="canonical" href="${loc}"`);
		expect(html, loc).not.toContain('name="robots" content="noindex"');
	}
});

test('every step page has its own absolute card tags, canonical and oEmbed link', async ({
	request
}) => {
	const site = await siteUrl(request);
	expect(site).toMatch(/^https?:\/\/[^/]+(\/[\w-]+)*$/);
	const steps = await allSteps(request);
	for (const step of steps) {
		const html = await (await request.get(`/${step.chapter}/${step.id}/`)).text();
		const page = `${site}/${step.chapter}/${step.id}/`;
		expect(html, step.id).toContain(`<link rel="canonical" href="${page}"`);
		expect(meta(html, 'og:url'), step.id).toBe(page);
		expect(meta(html, 'og:title'), step.id).toBeTruthy();
		expect(meta(html, 'og:description')?.length, step.id).toBeGreaterThan(20);
		expect(meta(html, 'og:image'), step.id).toBe(`${site}/previews/${step.chapter}/${step.id}.png`);
		expect(meta(html, 'og:image:width'), step.id).toBe('1200');
		expect(meta(html, 'og:image:height'), step.id).toBe('630');
		expect(meta(html, 'twitter:card'), step.id).toBe('summary_large_image');
		expect(html, step.id).toMatch(
			new RegExp(
				`<link rel="alternate" type="application/json\\+oembed" href="${site}/oembed/${step.chapter}/${step.id}.json"`
			)
		);
	}
});

test('every step page is prerendered with its figure in that step’s state', async ({ request }) => {
	for (const step of await allSteps(request)) {
		const html = await (await request.get(`/${step.chapter}/${step.id}/`)).text();
		const pane = html.slice(html.indexOf('class="figure-pane'));
		expect(pane, step.id).toMatch(
			new RegExp(`^[^]*?<figure[^>]*data-step="${step.id}"[^>]*data-stage="${step.stage}"`)
		);
	}
});

test('a step URL opens at that step from the first paint, without replaying earlier steps', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const step = steps[steps.length - 3];
	// Record every state the figure shows, from the moment the document is parsed.
	await page.addInitScript(() => {
		const w = window as unknown as { __shown: string[] };
		w.__shown = [];
		document.addEventListener('DOMContentLoaded', () => {
			const fig = document.querySelector('.figure-pane [data-step]')!;
			w.__shown.push(fig.getAttribute('data-step')!);
			new MutationObserver(() => w.__shown.push(fig.getAttribute('data-step')!)).observe(fig, {
				attributes: true,
				attributeFilter: ['data-step']
			});
		});
	});
	await page.goto(`/${step.chapter}/${step.id}/`);
	await expect(page.locator(`article#${step.id}`)).toBeInViewport();
	await page.waitForTimeout(600);
	const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
	expect(new Set(shown)).toEqual(new Set([step.id]));
	await expect(page).toHaveURL(new RegExp(`/${step.chapter}/${step.id}/$`));
});

test('every step has a 1200 × 630 preview PNG, and no two are the same', async ({ request }) => {
	const hashes = new Set<string>();
	const steps = await allSteps(request);
	for (const step of steps) {
		const res = await request.get(`/previews/${step.chapter}/${step.id}.png`);
		expect(res.status(), step.id).toBe(200);
		expect(res.headers()['content-type']).toBe('image/png');
		const png = await res.body();
		expect(pngSize(png), step.id).toEqual({ width: 1200, height: 630 });
		hashes.add(createHash('sha256').update(png).digest('hex'));
	}
	expect(hashes.size).toBe(steps.length);
});

test('every step has an oEmbed document that embeds it', async ({ request }) => {
	const site = await siteUrl(request);
	for (const step of await allSteps(request)) {
		const res = await request.get(`/oembed/${step.chapter}/${step.id}.json`);
		expect(res.status(), step.id).toBe(200);
		expect(res.headers()['content-type']).toContain('application/json');
		const doc = await res.json();
		expect(doc, step.id).toMatchObject({
			type: 'rich',
			version: '1.0',
			provider_url: `${site}/`,
			thumbnail_url: `${site}/previews/${step.chapter}/${step.id}.png`,
			thumbnail_width: 1200,
			thumbnail_height: 630
		});
		expect(doc.title, step.id).toBeTruthy();
		expect(doc.provider_name, step.id).toBeTruthy();
		expect(doc.width).toBeGreaterThan(300);
		expect(doc.height).toBeGreaterThan(300);
		expect(doc.html, step.id).toMatch(/^<iframe [^>]*><\/iframe>$/);
		expect(doc.html).toContain(`src="${site}/embed/${step.chapter}/${step.id}/"`);
		expect(doc.html).toContain(`width="${doc.width}" height="${doc.height}"`);
		expect(doc.html).toContain('loading="lazy"');
		expect(doc.html).toMatch(/ title="[^"]+"/);
	}
});

test('each figure downloads as a self-contained SVG beside its preview PNG', async ({
	request
}) => {
	for (const step of (await allSteps(request)).slice(0, 12)) {
		const res = await request.get(`/previews/${step.chapter}/${step.id}.svg`);
		expect(res.status(), step.id).toBe(200);
		expect(res.headers()['content-type']).toContain('image/svg+xml');
		const svg = await res.text();
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
		expect(svg).toContain(`data-step="${step.id}"`);
		expect(svg, 'colours are plain values, for slide and paper tools').not.toContain('var(');
	}
});

test.describe('step tools', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('copy link copies the step’s address and says so', async ({ page, context, request }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const site = await siteUrl(request);
		const step = (await allSteps(request))[4];
		await page.goto(`/${step.chapter}/${step.id}/`);
		// Before the scripts run, "Copy link" is a plain link to the step.
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		const tools = page.locator(`article#${step.id} .step-tools`);
		await tools.getByRole('link', { name: /copy link/i }).click();
		await expect(tools.getByRole('status')).toHaveText('Link copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			`${site}/${step.chapter}/${step.id}/`
		);
	});

	test('a refused clipboard shows the link to copy by hand; a modified click stays a link', async ({
		page,
		request
	}) => {
		const site = await siteUrl(request);
		const step = (await allSteps(request))[6];
		await page.addInitScript(() => {
			Object.defineProperty(navigator, 'clipboard', {
				value: { writeText: () => Promise.reject(new Error('denied')) }
			});
		});
		await page.goto(`/${step.chapter}/${step.id}/`);
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		const tools = page.locator(`article#${step.id} .step-tools`);
		const link = tools.getByRole('link', { name: /copy link/i });
		// Ctrl/⌘-click (open in a new tab) is the browser's, not the toolbar's. A listener on the
		// window sees the click after the essay's; it then stops the navigation itself.
		const preventedByEssay = await link.evaluate((a) => {
			let seen: boolean | null = null;
			addEventListener(
				'click',
				(e) => {
					seen = e.defaultPrevented;
					e.preventDefault();
				},
				{ once: true }
			);
			a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
			return seen;
		});
		expect(preventedByEssay).toBe(false);
		await expect(tools.getByRole('status')).toHaveText('');
		// A plain click with the clipboard refused shows the link instead.
		await link.click();
		await expect(tools.getByRole('status')).toHaveText(
			`Copy this link: ${site}/${step.chapter}/${step.id}/`
		);
	});

	test('until the scripts run, the embed button keeps its place but cannot be pressed', async ({
		page,
		request
	}) => {
		const step = (await allSteps(request))[5];
		// The page's own inline script runs (it marks .js); the app's scripts never arrive.
		await page.route('**/_app/**/*.js', (route) => route.abort());
		await page.goto(`/${step.chapter}/${step.id}/`);
		await expect(page.locator('html')).toHaveClass(/\bjs\b/);
		const opener = page.locator(`article#${step.id} .embed-button`);
		await expect(opener).toBeHidden();
		const box = await opener.boundingBox();
		expect(box?.width ?? 0).toBeGreaterThan(20);
		await page.unroute('**/_app/**/*.js');
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		await expect(opener).toBeVisible();
	});

	test('the embed dialog is a labelled modal with the iframe code; Esc closes it and focus returns', async ({
		page,
		context,
		request
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const site = await siteUrl(request);
		const step = (await allSteps(request))[5];
		await page.goto(`/${step.chapter}/${step.id}/`);
		const opener = page.locator(`article#${step.id} .step-tools`).getByRole('button', {
			name: /embed/i
		});
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		await opener.click();

		const dialog = page.getByRole('dialog', { name: /embed or download/i });
		await expect(dialog).toBeVisible();
		expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
		expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

		const code = dialog.getByLabel(/embed code/i);
		const snippet = await code.inputValue();
		expect(snippet).toContain(`<iframe src="${site}/embed/${step.chapter}/${step.id}/"`);
		expect(snippet).toMatch(/ title="[^"]+"/);
		expect(snippet).toContain('loading="lazy"');
		expect(snippet).toMatch(/ width="\d+" height="\d+"/);
		expect(snippet).toContain(`<script src="${site}/embed.js" async></script>`);

		await dialog.getByRole('radio', { name: 'Dark' }).check();
		expect(await code.inputValue()).toContain(`/embed/${step.chapter}/${step.id}/?theme=dark"`);

		await dialog.getByRole('button', { name: 'Copy embed code' }).click();
		await expect(dialog.getByRole('status')).toHaveText('Embed code copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('?theme=dark');

		const image = await dialog.getByLabel(/image code/i).inputValue();
		expect(image).toContain(`<a href="${site}/${step.chapter}/${step.id}/"><img src="${site}/`);
		await expect(dialog.getByRole('link', { name: 'Figure as SVG' })).toHaveAttribute(
			'href',
			`${site}/previews/${step.chapter}/${step.id}.svg`
		);
		await expect(dialog.getByRole('link', { name: 'Preview card as PNG' })).toHaveAttribute(
			'href',
			`${site}/previews/${step.chapter}/${step.id}.png`
		);

		// Tab moves through the dialog and Esc always gets out: no keyboard trap.
		for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(opener).toBeFocused();

		await opener.click();
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect(dialog).toBeHidden();
		await expect(opener).toBeFocused();
	});

	test('step tools and dialog controls are at least 44 px tall', async ({ page, request }) => {
		const step = (await allSteps(request))[2];
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/${step.chapter}/${step.id}/`);
		await expect(page.locator('html')).toHaveAttribute('data-essay', 'live');
		const tools = page.locator(`article#${step.id} .step-tools`);
		for (const el of await tools.locator('a, button').all()) {
			expect((await el.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		}
		await tools.getByRole('button', { name: /embed/i }).click();
		const dialog = page.getByRole('dialog');
		for (const el of await dialog.locator('button, a, label:has(input)').all()) {
			const box = (await el.boundingBox())!;
			expect(box.height, await el.innerText()).toBeGreaterThanOrEqual(44);
			expect(box.width, await el.innerText()).toBeGreaterThanOrEqual(44);
		}
	});
});

test('reading moves the address bar without new history entries, and Back leaves the essay', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.emulateMedia({ reducedMotion: 'reduce' });
	const before = `/embed/${steps[0].chapter}/${steps[0].id}/`;
	await page.goto(before);
	await page.goto('/');
	const length = await page.evaluate(() => history.length);
	await page.mouse.move(200, 300);
	const seen = new Set<string>();
	// A reader who scrolls a step's worth and pauses: the address is written at each pause.
	for (let i = 0; i < 16 && seen.size < 3; i++) {
		await page.mouse.wheel(0, 900);
		await page.waitForTimeout(700);
		seen.add(new URL(page.url()).pathname);
	}
	seen.delete('/');
	expect(seen.size, 'the address followed several steps').toBeGreaterThanOrEqual(2);
	for (const path of seen) expect(path).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
	expect(await page.evaluate(() => history.length)).toBe(length);
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`${before}$`));
});

test('old step addresses in the redirect map forward to the step, keeping #fragment and ?query', async ({
	page,
	request
}) => {
	const entries = Object.entries(REDIRECTS);
	test.skip(entries.length === 0, 'no redirects yet');
	for (const [from, to] of entries) {
		const html = await (await request.get(`/${from}/`)).text();
		expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/${to}/"`);
		expect(html).toContain(`href="/${to}/"`);

		await page.goto(`/${from}/#top`);
		await expect(page).toHaveURL(new RegExp(`/${to}/#top$`));
		await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute(
			'data-step',
			to.split('/')[1]
		);

		await page.goto(`/embed/${from}/?theme=dark`);
		await expect(page).toHaveURL(new RegExp(`/embed/${to}/\\?theme=dark$`));
		await expect(page.locator('figure[data-step]')).toHaveAttribute('data-step', to.split('/')[1]);
	}
});

test('a chapter’s own address opens the essay at the chapter’s first step', async ({
	page,
	request
}) => {
	const steps = await allSteps(request);
	const chapters = [...new Set(steps.map((s) => s.chapter))];
	expect(chapters.length).toBeGreaterThan(1);
	for (const chapter of chapters) {
		const first = steps.find((s) => s.chapter === chapter)!;
		const response = await request.get(`/${chapter}/`);
		expect(response.status(), chapter).toBe(200);
		const html = await response.text();
		expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/${chapter}/${first.id}/"`);
		expect(html).toContain(`href="/${chapter}/${first.id}/"`);
		expect(html).toContain('<meta name="robots" content="noindex"');
	}
	const [chapter] = chapters.slice(-1);
	const first = steps.find((s) => s.chapter === chapter)!;
	await page.goto(`/${chapter}/`);
	await expect(page).toHaveURL(new RegExp(`/${chapter}/${first.id}/$`));
	await expect(page.locator('.figure-pane [data-step]')).toHaveAttribute('data-step', first.id);
	// Not a chapter: still the helpful 404.
	expect((await request.get('/no-such-chapter/')).status()).toBe(404);
});

test('unknown step and embed URLs get the 404 page with links to every chapter', async ({
	page,
	request
}) => {
	const chapters = (await (await request.get('/data/index.json')).json()).chapters;
	for (const url of [`/${chapters[0].slug}/no-such-step/`, `/embed/${chapters[1].slug}/nope/`]) {
		const res = await page.goto(url);
		expect(res?.status(), url).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('isn’t here');
		for (const c of chapters) {
			await expect(page.getByRole('link', { name: c.title, exact: true })).toHaveAttribute(
				'href',
				`/#${c.slug}`
			);
		}
	}
});
