// Lighthouse (desktop, one run) on the essay: accessibility and SEO must both score 100.
import { chromium, expect, test } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

test('Lighthouse scores accessibility and SEO 100 on /', async ({ baseURL }, testInfo) => {
	test.setTimeout(120_000);
	// The same Chromium the other tests drive (playwright.config.ts), else Playwright's own.
	const chromePath =
		testInfo.project.use.launchOptions?.executablePath ?? chromium.executablePath();
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run']
	});
	try {
		const result = await lighthouse(
			`${baseURL}/`,
			{ port: chrome.port, output: 'json', logLevel: 'error' },
			{
				extends: 'lighthouse:default',
				settings: {
					onlyCategories: ['accessibility', 'seo'],
					formFactor: 'desktop',
					screenEmulation: {
						mobile: false,
						width: 1350,
						height: 940,
						deviceScaleFactor: 1,
						disabled: false
					},
					throttlingMethod: 'provided',
					// Accessibility and SEO need the loaded page, not a quiet network or CPU.
					pauseAfterFcpMs: 0,
					pauseAfterLoadMs: 0,
					networkQuietThresholdMs: 0,
					cpuQuietThresholdMs: 0,
					disableFullPageScreenshot: true
				}
			}
		);
		const lhr = result!.lhr;
		const failing = Object.values(lhr.categories).flatMap((category) =>
			category.auditRefs
				.filter((ref) => ref.weight > 0)
				.map((ref) => lhr.audits[ref.id])
				.filter((audit) => audit.score !== null && audit.score < 1)
				.map((audit) => `${category.id}: ${audit.id} — ${audit.title}`)
		);
		console.log(
			Object.values(lhr.categories)
				.map((c) => `${c.title} ${Math.round((c.score ?? 0) * 100)}`)
				.join(', ')
		);
		expect(failing).toEqual([]);
		expect(lhr.categories.accessibility.score).toBe(1);
		expect(lhr.categories.seo.score).toBe(1);
	} finally {
		chrome.kill();
	}
});
