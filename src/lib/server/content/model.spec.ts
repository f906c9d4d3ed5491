// Fixture tests for the toy model loader: each broken model gives exactly the message a writer reads.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentError } from './errors.ts';
import { loadModel } from './model.ts';

const fixtures = new URL('./fixtures/model/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const cases = readdirSync(fixtures)
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.replace(/\.yaml$/, ''))
	.sort();

/** Runs the loader and returns the error it throws, or fails the test. */
function errorOf(source: string): ContentError {
	try {
		loadModel(source, 'content/model.yaml');
	} catch (e) {
		expect(e).toBeInstanceOf(ContentError);
		return e as ContentError;
	}
	throw new Error('expected loadModel to throw a ContentError');
}

describe('loadModel fixtures', () => {
	it('has both kinds of fixture', () => {
		expect(
			cases.filter((c) => existsSync(new URL(`${c}.error.txt`, fixtures))).length
		).toBeGreaterThan(20);
		expect(cases.filter((c) => existsSync(new URL(`${c}.json`, fixtures))).length).toBeGreaterThan(
			0
		);
	});

	for (const name of cases) {
		const errorFile = new URL(`${name}.error.txt`, fixtures);
		const jsonFile = new URL(`${name}.json`, fixtures);
		if (existsSync(errorFile)) {
			it(`loadModel(${name}.yaml) throws the message in ${name}.error.txt`, () => {
				const error = errorOf(read(`${name}.yaml`));
				expect(error.message).toBe(readFileSync(errorFile, 'utf8').trim());
				expect(error.file).toBe('content/model.yaml');
			});
		} else if (existsSync(jsonFile)) {
			it(`loadModel(${name}.yaml) gives the dense model in ${name}.json`, () => {
				const model = loadModel(read(`${name}.yaml`), 'content/model.yaml');
				expect(JSON.parse(JSON.stringify(model))).toEqual(
					JSON.parse(readFileSync(jsonFile, 'utf8'))
				);
			});
		} else {
			it(`${name}.yaml has a sibling .error.txt or .json`, () => {
				expect.fail(`add ${name}.error.txt (expected message) or ${name}.json (expected model)`);
			});
		}
	}
});

describe('loadModel', () => {
	it('loads content/model.yaml', () => {
		const source = readFileSync(new URL('../../../../content/model.yaml', import.meta.url), 'utf8');
		const model = loadModel(source, 'content/model.yaml');
		const d = model.features.length;
		expect(d).toBeGreaterThanOrEqual(8);
		for (const vector of Object.values(model.vocabulary)) expect(vector).toHaveLength(d);
		for (const head of Object.values(model.heads)) {
			expect(head.query).toHaveLength(d);
			expect(head.key).toHaveLength(d);
			expect(head.valueDown).toHaveLength(d);
			expect(head.valueUp).toHaveLength(model.valueSize);
			for (const row of head.query) expect(row).toHaveLength(model.keySize);
			for (const row of head.valueUp) expect(row).toHaveLength(d);
		}
		expect(model.heads[model.readoutHead]).toBeDefined();
	});

	it('keeps the order heads are listed in, so the first is the default', () => {
		const source = read('minimal.yaml').replace(
			'meanings:',
			[
				'  another-head:',
				'    description: Another.',
				'    query: {}',
				'    key: {}',
				'    valueDown: {}',
				'    valueUp:',
				'      - { food: 1 }',
				'meanings:'
			].join('\n')
		);
		expect(Object.keys(loadModel(source, 'm.yaml').heads)).toEqual(['adjective', 'another-head']);
	});

	it('reports the line of a mistake deep inside a head', () => {
		const error = errorOf(read('minimal.yaml').replace('food: [1]', 'food: [1, 2]'));
		expect(error.line).toBe(16);
		expect(error.problem).toBe(
			'head "adjective": the valueDown row for "food" has 2 numbers, but valueSize is 1'
		);
	});

	it('reads a word that YAML would take for a boolean or a number as a word', () => {
		const source = read('minimal.yaml').replace(
			'  dog:',
			'  true: { modifier: 1 }\n  one: { noun: 1 }\n  dog:'
		);
		expect(Object.keys(loadModel(source, 'm.yaml').vocabulary)).toEqual([
			'true',
			'one',
			'dog',
			'hot'
		]);
	});

	it('rejects an empty file with a message naming every section', () => {
		expect(errorOf('').message).toBe(
			'content/model.yaml: the model should be a map with the sections features, keySize, valueSize, vocabulary, heads, meanings and readout'
		);
	});
});
