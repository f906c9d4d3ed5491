// The Nu HTML Checker (vnu) on the built pages: the essay, a step, an embed and the 404 page; errors fail, warnings are printed.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { allSteps } from './helpers';

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';

interface VnuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: string;
	message: string;
	url: string;
	lastLine?: number;
	extract?: string;
}

/**
 * Current CSS that the checker's CSS validator (CSS 2.1 and CSS 3 as of its release) does not know
 * yet: it checks the stylesheets inlined in each page, and reports these as errors. Each is
 * supported by every current browser; any other CSS error still fails.
 */
const NEWER_CSS = ['paint-order', 'container-type', 'animation-timeline'];
const newerCss = (message: string) =>
	NEWER_CSS.some((p) => message === `CSS: “${p}”: Property “${p}” doesn't exist.`) ||
	message === 'CSS: Unrecognized at-rule “@container”';

test('the built HTML has no errors in the Nu HTML Checker', async ({ request }) => {
	test.setTimeout(120_000);
	const steps = await allSteps(request);
	const step = steps[5];
	const grid = steps.find((s) => s.stage === 'mask') ?? step;
	const files = [
		'build/index.html',
		`build/${step.chapter}/${step.id}/index.html`,
		`build/embed/${grid.chapter}/${grid.id}/index.html`,
		'build/404.html'
	];
	for (const file of files) expect(existsSync(file), `${file} (run the build first)`).toBe(true);

	// Java is required (.ci/run installs a runtime where it is missing).
	const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--exit-zero-always', ...files], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	expect(run.error, 'java could not be started').toBeUndefined();
	expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
	// vnu writes its JSON report to stderr.
	const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
	const where = (m: VnuMessage) =>
		`${m.url.replace(/^.*\/build\//, 'build/')}:${m.lastLine ?? '?'}: ${m.message}`;
	const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
	if (warnings.length)
		console.log(`vnu warnings:\n${[...new Set(warnings.map(where))].join('\n')}`);
	const errors = messages.filter((m) => m.type !== 'info' && !newerCss(m.message)).map(where);
	expect(errors).toEqual([]);
});
