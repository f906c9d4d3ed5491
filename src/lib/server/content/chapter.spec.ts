// Fixture tests for the content pipeline: each Markdown fixture parses to its expected chapter or fails with its expected message.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseChapter, parseIndex } from './chapter.ts';
import { buildManifest } from './index.ts';
import { loadModel } from './model.ts';
import { ContentError } from './errors.ts';

const dir = join(import.meta.dirname, 'fixtures/chapters');
const model = loadModel(readFileSync('content/model.yaml', 'utf8'), 'content/model.yaml');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md'));

describe('parseChapter(fixture)', () => {
	for (const name of fixtures) {
		const source = readFileSync(join(dir, name), 'utf8');
		const file = `content/${name}`;
		const errorFile = join(dir, name.replace(/\.md$/, '.error.txt'));
		const expectedFile = join(dir, name.replace(/\.md$/, '.expected.json'));
		if (existsSync(errorFile)) {
			it(`${name} fails with the message in ${name.replace(/\.md$/, '.error.txt')}`, () => {
				const expected = readFileSync(errorFile, 'utf8').trim();
				let thrown: unknown;
				try {
					parseChapter(source, file, model, new Map());
				} catch (e) {
					thrown = e;
				}
				expect(thrown).toBeInstanceOf(ContentError);
				// A message ending in "…" fixes our part (file, line, wording); the rest is the YAML parser's.
				if (expected.endsWith('…')) {
					expect((thrown as Error).message.startsWith(expected.slice(0, -1))).toBe(true);
				} else {
					expect((thrown as Error).message).toBe(expected);
				}
			});
		} else {
			it(`${name} parses to ${name.replace(/\.md$/, '.expected.json')}`, () => {
				const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
				const chapter = parseChapter(source, file, model, new Map());
				expect(chapter).toMatchObject({
					slug: expected.slug,
					number: expected.number,
					title: expected.title,
					description: expected.description,
					sentences: expected.sentences
				});
				expect(chapter.steps.map((s) => s.id)).toEqual(
					expected.steps.map((s: { id: string }) => s.id)
				);
				chapter.steps.forEach((step, i) => {
					expect(step.line).toBe(expected.steps[i].line);
					expect(step.summary).toBe(expected.steps[i].summary);
					expect(step.state).toMatchObject(expected.steps[i].state);
				});
			});
		}
	}
});

describe('parseChapter(valid fixture) output', () => {
	const chapter = parseChapter(
		readFileSync(join(dir, '01-valid.md'), 'utf8'),
		'content/01-valid.md',
		model,
		new Map()
	);
	it('typesets math as MathJax SVG with assistive MathML', () => {
		expect(chapter.intro).toContain('<mjx-container');
		expect(chapter.intro).toContain('<svg');
		expect(chapter.intro).toContain('<mjx-assistive-mml');
	});
	it('colours roles in prose and in TeX with the same role classes', () => {
		const html = chapter.steps[1].html;
		expect(html).toContain('<span class="role-q">dog</span>');
		expect(html).toContain('<span class="role-k">hot</span>');
		expect(html).toContain('class="tex-q"');
		expect(html).toContain('class="tex-k"');
	});
	it('renders a note as an aside', () => {
		expect(chapter.steps[1].html).toMatch(
			/<aside class="note">\s*<p>A margin note.<\/p>\s*<\/aside>/
		);
	});
	it('merges a step over the chapter defaults', () => {
		expect(chapter.defaults).toMatchObject({ stage: 'embedding', sentence: 1, query: 'dog' });
		expect(chapter.steps[0].state.query).toBe('dog');
		expect(chapter.steps[0].state.sentence).toBe(0);
	});
});

describe('step summaries', () => {
	/** The summary of a one-step chapter whose step, at `stage`, says `body`. */
	const summaryOf = (stage: string, body: string) =>
		parseChapter(
			'---\ntitle: T\ndescription: D\nsentences:\n  - the dog was\n---\n\n' +
				`:::step{#s stage="${stage}"}\n${body}\n:::\n`,
			'content/01-t.md',
			model,
			new Map()
		).steps[0].summary;

	it('unwrap nested TeX commands into readable text', () => {
		expect(summaryOf('update', 'Values are $\\val{\\mathbf{v}} = W_V\\,\\mathbf{e}$. More.')).toBe(
			'Values are v = W_V e.'
		);
	});

	it('write subscripts that Unicode has as subscripts (√dₖ), and the rest as written (W_V)', () => {
		expect(
			summaryOf('scale', 'Divide by $\\sqrt{d_k}$, $q_{12}$ and $W_K$, not $x_{Q1}$. More.')
		).toBe('Divide by √dₖ, q₁₂ and W_K, not x_Q1.');
	});

	it('write TeX symbols as their characters: Δe, ≤', () => {
		expect(summaryOf('update', 'Add $\\Delta\\mathbf{e}$ where $j \\le i$. More.')).toBe(
			'Add Δe where j ≤ i.'
		);
	});
});

describe('buildManifest(files)', () => {
	const modelSource = readFileSync('content/model.yaml', 'utf8');
	const index = '---\ntitle: T\ndescription: D\n---\n\nOpening.\n';
	const chapter = (id: string) =>
		`---\ntitle: C\ndescription: D\nsentences:\n  - the dog was\n---\n\n:::step{#${id} stage="softmax"}\nProse.\n:::\n`;

	it('rejects a step id used in two files, naming both places', () => {
		expect(() =>
			buildManifest({
				'content/model.yaml': modelSource,
				'content/index.md': index,
				'content/01-a.md': chapter('same'),
				'content/02-b.md': chapter('same')
			})
		).toThrow(
			'content/02-b.md:8: duplicate step id "same": it is already used at content/01-a.md:8'
		);
	});

	it('orders chapters by their file number', () => {
		const { manifest } = buildManifest({
			'content/model.yaml': modelSource,
			'content/index.md': index,
			'content/02-second.md': chapter('two'),
			'content/01-first.md': chapter('one')
		});
		expect(manifest.chapters.map((c) => c.slug)).toEqual(['first', 'second']);
	});

	it('requires the index file', () => {
		expect(() =>
			buildManifest({ 'content/model.yaml': modelSource, 'content/01-a.md': chapter('a') })
		).toThrow(/content\/index.md: the essay needs content\/index.md/);
	});

	it('reads the essay title from the index', () => {
		expect(parseIndex(index, 'content/index.md')).toMatchObject({ title: 'T', description: 'D' });
	});
});

describe('the real content', () => {
	it('loads every chapter through the pipeline', () => {
		const files: Record<string, string> = {};
		for (const name of readdirSync('content'))
			files[`content/${name}`] = readFileSync(join('content', name), 'utf8');
		const { manifest } = buildManifest(files);
		expect(manifest.chapters.map((c) => c.slug)).toEqual([
			'hot-dog',
			'mole',
			'fluffy-creature',
			'scaling-up'
		]);
		const ids = manifest.chapters.flatMap((c) => c.steps.map((s) => s.id));
		expect(new Set(ids).size).toBe(ids.length);
	});
});
