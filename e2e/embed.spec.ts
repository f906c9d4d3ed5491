// Embeds: the chrome-less figure page, its themes and query words, its byte budget, and how it
// behaves inside a page served from another origin (auto-height, pym.js, no side effects).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { iframeSnippet } from '../src/lib/embed/snippet';
import { allSteps } from './helpers';

/** Console errors and uncaught exceptions of a page and its frames, from now on. */
function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

test('every embed is the step’s figure alone, with a caption and a link back', async ({
	request
}) => {
	for (const step of await allSteps(request)) {
		const res = await request.get(`/embed/${step.chapter}/${step.id}/`);
		expect(res.status(), step.id).toBe(200);
		const html = await res.text();
		expect(html, step.id).toMatch(
			new RegExp(`<figure[^>]*data-step="${step.id}"[^>]*data-stage="${step.stage}"[^]*?<svg`)
		);
		expect(html).toMatch(/<p class="caption[^"]*"><strong>[^<]+<\/strong>/);
		expect(html).toMatch(
			new RegExp(`<a href="https?://[^"]+/${step.chapter}/${step.id}/" target="_blank"`)
		);
		// The link's arrow never wraps onto a line of its own.
		expect(html).toMatch(
			/ rel="external noopener"[^>]*>Read this step in [^<]*\S(&nbsp;|\u00a0)↗<\/a>/
		);
		expect(html, 'no essay chrome').not.toMatch(/class="(masthead|colophon|toc)/);
		expect(html, 'no client framework').not.toContain('/_app/immutable/entry/');
		expect(html).toMatch(
			new RegExp(
				`<link rel="alternate" type="application/json\\+oembed" href="[^"]+/oembed/${step.chapter}/${step.id}.json"`
			)
		);
	}
});

test('every embed stays within its budget: ≤ 35 KB of JavaScript, ≤ 80 KB in all (gzip)', async ({
	request
}) => {
	const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
	for (const step of await allSteps(request)) {
		const html = await (await request.get(`/embed/${step.chapter}/${step.id}/`)).text();
		let js = [...html.matchAll(/<script>([^]*?)<\/script>/g)].reduce((n, m) => n + gz(m[1]), 0);
		let total = gz(html);
		for (const [, src] of html.matchAll(/<script[^>]* src="([^"]+)"/g)) {
			const size = gz(await (await request.get(src)).body());
			js += size;
			total += size;
		}
		for (const [, href] of html.matchAll(
			/<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]+href="([^"]+)"/g
		)) {
			const size = gz(await (await request.get(href)).body());
			if (href.endsWith('.js')) js += size;
			total += size;
		}
		expect(js, step.id).toBeLessThanOrEqual(35 * 1024);
		expect(total, step.id).toBeLessThanOrEqual(80 * 1024);
	}
});

test('the suggested iframe height (oEmbed, snippet) fits each embed’s content at its width', async ({
	page,
	request
}) => {
	test.setTimeout(60_000);
	for (const step of await allSteps(request)) {
		const doc = await (await request.get(`/oembed/${step.chapter}/${step.id}.json`)).json();
		await page.setViewportSize({ width: doc.width, height: doc.height });
		await page.goto(`/embed/${step.chapter}/${step.id}/`);
		const content = await page
			.locator('[data-embed]')
			.evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
		expect(
			Math.abs(doc.height - content),
			`${step.id}: ${doc.height} vs ${content}`
		).toBeLessThanOrEqual(30);
	}
});

test('?theme=light|dark|auto sets the colours, whatever the reader’s scheme', async ({
	page,
	request
}) => {
	const step = (await allSteps(request))[3];
	const url = `/embed/${step.chapter}/${step.id}/`;
	const background = () =>
		page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	const LIGHT = 'rgb(251, 250, 247)';
	const DARK = 'rgb(22, 23, 27)';

	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto(`${url}?theme=dark`);
	expect(await background()).toBe(DARK);
	await page.goto(url);
	expect(await background()).toBe(LIGHT);

	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(`${url}?theme=light`);
	expect(await background()).toBe(LIGHT);
	await page.goto(`${url}?theme=auto`);
	expect(await background()).toBe(DARK);

	// The essay's remembered theme belongs to the essay; an embed follows its host only.
	await page.evaluate(() => localStorage.setItem('theme', 'light'));
	await page.goto(url);
	expect(await background()).toBe(DARK);
	await page.evaluate(() => localStorage.removeItem('theme'));
});

test('the query-word buttons swap in the figure for that word', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/embed/hot-dog/softmax/');
	const group = page.getByRole('group', { name: 'Query word' });
	const pressed = group.locator('button[aria-pressed="true"]');
	const before = await pressed.innerText();
	const figure = page.locator('[data-embed-figure] svg').first();
	const drawing = await figure.innerHTML();
	const word = await group.locator('button[aria-pressed="false"]').first().innerText();
	const other = group.getByRole('button', { name: word, exact: true });
	await other.click();
	await expect(other).toHaveAttribute('aria-pressed', 'true');
	await expect(group.getByRole('button', { name: before, exact: true })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	expect(await figure.innerHTML()).not.toBe(drawing);
	await expect(page.getByRole('status')).toHaveText(`Query word: ${word}`);
	await group.getByRole('button', { name: before, exact: true }).click();
	expect(await page.locator('[data-embed-figure] svg').first().innerHTML()).toBe(drawing);
	expect(errors).toEqual([]);
});

test.describe('on a page from another origin', () => {
	let server: Server;
	let host = '';
	let essay = '';
	/** Host pages by path, set by each test. */
	const pages = new Map<string, string>();

	test.beforeAll(async ({ browserName: _browser }, testInfo) => {
		essay = String(testInfo.project.use.baseURL);
		server = createServer((req, res) => {
			const body = pages.get(req.url ?? '/');
			res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(body ?? 'not found');
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	test.afterAll(async () => {
		await new Promise((done) => server.close(done));
	});

	/** A plain host page: its own styles, some text, the snippet, and a long tail to scroll. */
	function hostPage(snippet: string, extra = '') {
		return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,">
<style>body{margin:0;padding:16px;font-family:Georgia,serif;background:#ffffff;color:#000000}</style>
</head><body><h1>A blog post</h1><p>Here is the figure:</p>
${snippet}
<p style="height:1500px">The post goes on.</p>${extra}</body></html>`;
	}

	test('the embed resizes its iframe to its content, with embed.js, and leaves the host alone', async ({
		page
	}) => {
		const errors = collectErrors(page);
		const src = `${essay}/embed/hot-dog/softmax/`;
		expect(new URL(src).origin).not.toBe(host);
		pages.set(
			'/resize',
			hostPage(
				iframeSnippet({ src, title: 'Softmax', width: 560, height: 200 }).replace(
					'<iframe ',
					'<iframe id="embed" '
				) + `\n<script src="${essay}/embed.js" async></script>`
			)
		);
		await page.setViewportSize({ width: 900, height: 800 });
		await page.goto(`${host}/resize`);
		const iframe = page.locator('#embed');
		const frame = page.frameLocator('#embed');
		await expect(frame.locator('figure[data-step="softmax"]')).toBeVisible();

		const content = () =>
			frame.locator('[data-embed]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
		const frameHeight = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
		const wide = await content();
		expect(wide).toBeGreaterThan(300);
		await expect.poll(frameHeight).toBe(wide);

		// A narrower host column makes the figure smaller: the iframe follows.
		await page.setViewportSize({ width: 400, height: 800 });
		await expect.poll(content).toBeLessThan(wide - 50);
		await expect.poll(async () => (await frameHeight()) === (await content())).toBe(true);

		// No side effects on the host: its styles, scroll position and focus are its own.
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toBe(
			'Georgia, serif'
		);
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
			'rgb(255, 255, 255)'
		);
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
		expect(errors).toEqual([]);
	});

	test('the try-it embed resizes its iframe too, as the reader makes it longer', async ({
		page
	}) => {
		const errors = collectErrors(page);
		const src = `${essay}/embed/hot-dog/try/`;
		pages.set(
			'/resize-try',
			hostPage(
				`<iframe id="embed" src="${src}" data-attention-embed title="Try it" width="560" height="200" style="border:0;width:100%;max-width:560px"></iframe>` +
					`\n<script src="${essay}/embed.js" async></script>`
			)
		);
		await page.setViewportSize({ width: 900, height: 800 });
		await page.goto(`${host}/resize-try`);
		const iframe = page.locator('#embed');
		const frame = page.frameLocator('#embed');
		const content = () =>
			frame.locator('[data-embed]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
		const frameHeight = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
		await expect(frame.locator('.tryit-host input[type="text"]')).toBeVisible();
		const before = await content();
		expect(before).toBeGreaterThan(400);
		await expect.poll(frameHeight).toBe(before);
		// A longer sentence makes a bigger grid: the iframe follows, with nothing cut off.
		await frame
			.locator('.tryit-host input[type="text"]')
			.fill('the hot dog was on the table by the door');
		await expect.poll(content).toBeGreaterThan(before + 50);
		await expect.poll(async () => (await frameHeight()) === (await content())).toBe(true);
		const inner = await frame.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight);
		expect(inner).toBeLessThanOrEqual(1);
		expect(errors).toEqual([]);
	});

	test('the embed speaks pym.js and the AMP-style format to hosts without embed.js', async ({
		page
	}) => {
		const errors = collectErrors(page);
		const src = `${essay}/embed/mole/three-arrows/?childId=fig-1`;
		pages.set(
			'/pym',
			hostPage(
				`<iframe id="embed" src="${src}" title="Mole" width="500" height="150" style="border:0"></iframe>`,
				`<script>window.got = []; addEventListener('message', (e) => got.push(e.data));</script>`
			)
		);
		await page.goto(`${host}/pym`);
		const messages = () => page.evaluate(() => (window as unknown as { got: unknown[] }).got);
		await expect.poll(async () => (await messages()).length).toBeGreaterThanOrEqual(2);
		const got = await messages();
		const amp = got.find((m) => typeof m === 'object') as { height: number };
		expect(amp).toMatchObject({ sentinel: 'amp', type: 'embed-size' });
		expect(amp.height).toBeGreaterThan(300);
		// Never a height of 0 (the page not laid out yet), which would collapse the host's frame.
		const heights = got.flatMap((m) =>
			typeof m === 'object' ? [(m as { height: number }).height] : []
		);
		expect(heights.every((h) => h > 300)).toBe(true);
		expect(got).toContain(`pymxPYMxfig-1xPYMxheightxPYMx${amp.height}`);

		// pym.js parents send the width when it changes; the embed answers with its height.
		const count = got.length;
		await page.evaluate(() =>
			(document.getElementById('embed') as HTMLIFrameElement).contentWindow!.postMessage(
				'pymxPYMxfig-1xPYMxwidthxPYMx500',
				'*'
			)
		);
		await expect.poll(async () => (await messages()).length).toBeGreaterThan(count);
		expect(errors).toEqual([]);
	});
});
