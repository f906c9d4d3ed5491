// End-to-end tests against the production build, in Chromium, with JavaScript on and off.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium by default here; CHROMIUM_PATH overrides it; elsewhere Playwright's own. */
const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const PORT = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{ name: 'js', testIgnore: [/\.nojs\.spec\.ts$/, /lighthouse\.spec\.ts$/] },
		{ name: 'no-js', testMatch: /\.nojs\.spec\.ts$/, use: { javaScriptEnabled: false } },
		// Lighthouse runs a Chromium of its own flat out for some 20 s: after the others, alone, so
		// the tests that time scrolls and pauses never share the machine with it.
		{ name: 'lighthouse', testMatch: /lighthouse\.spec\.ts$/, dependencies: ['js', 'no-js'] }
	],
	webServer: {
		command: `node scripts/serve.js --port ${PORT}`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		stdout: 'ignore'
	}
});
