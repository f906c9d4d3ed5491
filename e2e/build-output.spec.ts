// The build's output: math arrives typeset, and no build-time tool (MathJax, remark, YAML) ships to readers.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string, ext: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
	});
}

test('a built page contains MathJax SVG with assistive MathML', () => {
	const html = readFileSync('build/index.html', 'utf8');
	expect(html).toContain('<mjx-container class="MathJax" jax="SVG"');
	expect(html).toContain('<mjx-assistive-mml');
});

test('each page with math carries every glyph its formulas refer to, once', () => {
	for (const file of ['build/index.html', ...files('build/mole', '.html').slice(0, 1)]) {
		const html = readFileSync(file, 'utf8');
		expect(html.match(/<svg class="mjx-glyphs"/g), file).toHaveLength(1);
		const defined = [...html.matchAll(/<path id="(MJX-[^"]+)"/g)].map((m) => m[1]);
		expect(new Set(defined).size, `${file}: a glyph defined twice`).toBe(defined.length);
		const used = new Set([...html.matchAll(/xlink:href="#(MJX-[^"]+)"/g)].map((m) => m[1]));
		expect(used.size, file).toBeGreaterThan(20);
		expect(
			[...used].filter((id) => !defined.includes(id)),
			file
		).toEqual([]);
	}
});

test('no JavaScript file under build/ contains MathJax, remark, unified or YAML code', () => {
	const scripts = files('build', '.js');
	expect(scripts.length).toBeGreaterThan(0);
	// Strings each library carries in its own code (error messages, class and package names).
	const markers = [
		/Missing close brace|mathjax-full/, // MathJax's TeX parser
		/Cannot close |mdast-util-from-markdown/, // remark's Markdown parser
		/` without `parser`/, // unified
		/Nested mappings are not allowed/ // yaml
	];
	for (const file of scripts) {
		const code = readFileSync(file, 'utf8');
		for (const marker of markers) expect(code, `${file} matches ${marker}`).not.toMatch(marker);
	}
});

test('pages wait for nothing but their HTML to paint: styles inline, scripts not preloaded', () => {
	const pages = ['build/index.html', ...files('build/hot-dog', '.html').slice(0, 2)];
	for (const page of pages) {
		const html = readFileSync(page, 'utf8');
		const head = html.slice(0, html.indexOf('</head>'));
		expect(head, page).toContain('<style');
		// SvelteKit keeps each inlined sheet as a disabled <link> (for its client router): none loads.
		const sheets = head.match(/<link[^>]+rel="stylesheet"[^>]*>/g) ?? [];
		for (const sheet of sheets) expect(sheet, page).toMatch(/ disabled media="\(max-width: 0\)"/);
		expect(html, page).not.toMatch(/<link[^>]+rel="modulepreload"/);
		// The essay's own script starts it, from the end of the page; SvelteKit's client does not
		// start (csr = false) and leaves no hydration data.
		const tail = html.slice(html.lastIndexOf('</footer>'));
		expect(tail, page).toMatch(
			/<script type="module" src="\/_app\/immutable\/entry\/essay\.[\w-]+\.js"><\/script>/
		);
		expect(html, page).not.toContain('/entry/start.');
		expect(html, page).not.toContain('__sveltekit_');
	}
});

test('a try-it in the essay is prerendered for readers without JavaScript only', () => {
	const html = readFileSync('build/index.html', 'utf8');
	const statics = html.match(/<div class="tryit-static">[\s\S]*?<\/noscript>/g) ?? [];
	expect(statics.length).toBe(4);
	for (const s of statics) expect(s).toMatch(/<noscript><section class="tryit"/);
	// An embed shows it at once, until its live copy arrives.
	const embed = readFileSync('build/embed/hot-dog/try/index.html', 'utf8');
	expect(embed).toContain('<section class="tryit tryit-embed"');
	expect(embed).not.toContain('<noscript>');
});

test('the chapters are plain HTML: no script ships their markup or hydrates it', () => {
	const html = readFileSync('build/index.html', 'utf8');
	const sections = html.match(/<section class="chapter"[\s\S]*?<\/section>/g) ?? [];
	expect(sections.length).toBe(4);
	expect(sections.join('').match(/<article class="step/g)?.length).toBeGreaterThan(20);
	// No hydration markers inside: Svelte's server render of them is stripped (chapters-ssr.ts).
	for (const section of sections) expect(section).not.toContain('<!--');
	// The toolbar and step markup are in no browser script (only their click handling is).
	for (const file of files('build/_app', '.js')) {
		const code = readFileSync(file, 'utf8');
		expect(code, file).not.toContain('Numbers as JSON');
		expect(code, file).not.toContain('Copy link to this step');
	}
});

test('the grid steps’ tables are for readers without JavaScript only (inside <noscript>)', () => {
	const html = readFileSync('build/index.html', 'utf8');
	const tables = html.match(/(<noscript>)?<div class="step-table">/g) ?? [];
	expect(tables.length).toBeGreaterThan(4);
	for (const t of tables) expect(t).toBe('<noscript><div class="step-table">');
});
