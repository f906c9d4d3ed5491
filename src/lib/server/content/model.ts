// Reads content/model.yaml into the dense toy model the engine runs, and names the file and line of any mistake.
//
//   model.yaml ──parseDocument + LineCounter──▶ YAML nodes (with offsets)
//              ──check every section, sparse map → dense row in `features` order──▶ ToyModel
//
// Server-only: it needs the yaml package. The browser gets the finished ToyModel.
import {
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	type Node,
	type YAMLMap,
	type YAMLSeq
} from 'yaml';
import type { Matrix, Vector } from '../../engine/index.ts';
import { tokenize } from '../../model/tokenize.ts';
import type { LabelledVector, ModelHead, ToyModel } from '../../model/types.ts';
import { ContentError } from './errors.ts';

const SECTIONS = [
	'features',
	'keySize',
	'valueSize',
	'vocabulary',
	'heads',
	'meanings',
	'readout'
] as const;
const HEAD_ENTRIES = ['description', 'query', 'key', 'valueDown', 'valueUp'] as const;
const MATRICES = ['query', 'key', 'valueDown', 'valueUp'] as const;
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

type MaybeNode = Node | null | undefined;

/** One key of a YAML map, with its value node and where the key is. */
interface Entry {
	name: string;
	key: Node;
	value: MaybeNode;
}

/** Lists of names for messages: "a, b and c". */
function and(names: readonly string[]): string {
	if (names.length < 2) return names.join('');
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** How a node looked in the file, for "got …" in messages. */
function shown(node: MaybeNode): string {
	if (!node) return 'nothing';
	if (isScalar(node))
		return node.value === null ? 'nothing' : `"${String(node.source ?? node.value)}"`;
	if (isSeq(node)) return 'a list';
	if (isMap(node)) return 'a map';
	return 'something else';
}

/** Walks the parsed YAML, turning every problem into a ContentError with a line number. */
class Reader {
	constructor(
		readonly file: string,
		readonly lines: LineCounter
	) {}

	line(node: MaybeNode): number | undefined {
		const range = node?.range;
		return range ? this.lines.linePos(range[0]).line : undefined;
	}

	fail(node: MaybeNode, problem: string): never {
		throw new ContentError(this.file, this.line(node), problem);
	}

	map(node: MaybeNode, where: MaybeNode, problem: string): YAMLMap {
		if (!isMap(node)) this.fail(node ?? where, problem);
		return node;
	}

	seq(node: MaybeNode, where: MaybeNode, problem: string): YAMLSeq {
		if (!isSeq(node)) this.fail(node ?? where, problem);
		return node;
	}

	/** The map's entries in order; `twice(name, line)` words the error for a repeated key. */
	entries(map: YAMLMap, twice: (name: string, line: number | undefined) => string): Entry[] {
		const seen = new Map<string, Node>();
		const out: Entry[] = [];
		for (const pair of map.items) {
			const key = pair.key as MaybeNode;
			if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
				this.fail(
					key ?? (pair.value as MaybeNode) ?? map,
					'every entry needs a name before its ":"'
				);
			}
			const name = String(key.source ?? key.value);
			const first = seen.get(name);
			if (first) this.fail(key, twice(name, this.line(first)));
			seen.set(name, key);
			out.push({ name, key, value: pair.value as MaybeNode });
		}
		return out;
	}

	/** A readable number: finite, at most two decimals. */
	number(node: MaybeNode, where: MaybeNode, what: string): number {
		if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
			this.fail(node ?? where, `${what} should be a number (got ${shown(node)})`);
		}
		const value = node.value;
		if (Math.round(value * 100) / 100 !== value) {
			this.fail(
				node,
				`${what} has more than two decimals (${value}); round it so readers can read it on screen`
			);
		}
		return value;
	}

	/** A sparse map feature → number, made dense in `features` order. */
	vector(node: MaybeNode, where: MaybeNode, features: string[], what: string): Vector {
		const map = this.map(
			node,
			where,
			`${what} should be a map of feature → number, like { animal: 1 }`
		);
		const out = features.map(() => 0);
		for (const { name, key, value } of this.entries(
			map,
			(n, line) => `${what} gives "${n}" twice (first on line ${line})`
		)) {
			const i = features.indexOf(name);
			if (i < 0) {
				this.fail(
					key,
					`${what} uses the feature "${name}", which is not in features (${features.join(', ')})`
				);
			}
			out[i] = this.number(value, key, `${what}: the value for "${name}"`);
		}
		return out;
	}

	/** A sparse map feature → row of `size` numbers, made a dense features × size matrix. */
	rows(
		node: MaybeNode,
		where: MaybeNode,
		features: string[],
		sizes: { size: number; name: string },
		head: string,
		part: string
	): Matrix {
		const { size, name: sizeName } = sizes;
		const example = `[${[1, ...Array(size - 1).fill(0)].join(', ')}]`;
		const map = this.map(
			node,
			where,
			`${head}: ${part} should be a map of feature → row of ${size} numbers, like noun: ${example}`
		);
		const out = features.map(() => Array<number>(size).fill(0));
		for (const { name, key, value } of this.entries(
			map,
			(n, line) => `${head}: ${part} has two rows for "${n}" (first on line ${line})`
		)) {
			const i = features.indexOf(name);
			if (i < 0) {
				this.fail(
					key,
					`${head}: ${part} names the feature "${name}", which is not in features (${features.join(', ')})`
				);
			}
			const row = `${head}: the ${part} row for "${name}"`;
			const seq = this.seq(
				value,
				key,
				`${row} should be a list of ${size} numbers, like ${example}`
			);
			if (seq.items.length !== size) {
				this.fail(seq, `${row} has ${seq.items.length} numbers, but ${sizeName} is ${size}`);
			}
			out[i] = seq.items.map((item, j) =>
				this.number(item as MaybeNode, seq, `${row}: number ${j + 1}`)
			);
		}
		return out;
	}

	/** A whole number of at least 1. */
	size(node: MaybeNode, where: MaybeNode, name: string): number {
		if (!isScalar(node) || !Number.isInteger(node.value) || (node.value as number) < 1) {
			this.fail(
				node ?? where,
				`${name} should be a whole number of at least 1 (got ${shown(node)})`
			);
		}
		return node.value as number;
	}

	/** A non-empty one-line string. */
	text(node: MaybeNode, where: MaybeNode, what: string): string {
		if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
			this.fail(node ?? where, `${what} should be some text (got ${shown(node)})`);
		}
		return node.value.trim();
	}
}

/** Checks that a map has only the allowed entries and returns them by name. */
function sections<K extends string>(
	r: Reader,
	map: YAMLMap,
	allowed: readonly K[],
	unknown: (name: string) => string,
	twice: (name: string, line: number | undefined) => string
): Map<K, Entry> {
	const out = new Map<K, Entry>();
	for (const entry of r.entries(map, twice)) {
		if (!(allowed as readonly string[]).includes(entry.name))
			r.fail(entry.key, unknown(entry.name));
		out.set(entry.name as K, entry);
	}
	return out;
}

function readFeatures(r: Reader, entry: Entry): string[] {
	const seq = r.seq(
		entry.value,
		entry.key,
		'features should be a list of feature names, one per line starting with "- "'
	);
	if (seq.items.length === 0) r.fail(entry.key, 'features is empty; list at least one feature');
	const seen = new Map<string, Node>();
	return seq.items.map((item) => {
		const node = item as MaybeNode;
		const name = isScalar(node) ? String(node.source ?? node.value) : '';
		if (!isScalar(node) || !KEBAB.test(name)) {
			r.fail(node ?? seq, `feature names are lowercase words like "animal" (got ${shown(node)})`);
		}
		const first = seen.get(name);
		if (first)
			r.fail(node, `the feature "${name}" is listed twice (first on line ${r.line(first)})`);
		seen.set(name, node);
		return name;
	});
}

function readVocabulary(r: Reader, entry: Entry, features: string[]): Record<string, Vector> {
	const map = r.map(
		entry.value,
		entry.key,
		'vocabulary should be a map of word → vector, like dog: { animal: 1, noun: 1 }'
	);
	const vocabulary: Record<string, Vector> = {};
	for (const { name, key, value } of r.entries(
		map,
		(n, line) => `the word "${n}" is listed twice in vocabulary (first on line ${line})`
	)) {
		const tokens = tokenize(name);
		if (tokens.length !== 1 || tokens[0] !== name) {
			r.fail(
				key,
				`the vocabulary entry "${name}" should be one lowercase word, as the essay reads it (it reads ${tokens.map((t) => `"${t}"`).join(', ') || 'no word'})`
			);
		}
		const vector = r.vector(value, key, features, `the word "${name}"`);
		if (vector.every((x) => x === 0)) {
			r.fail(
				key,
				`the word "${name}" has no features; give it at least one non-zero feature (a word with none looks unknown)`
			);
		}
		vocabulary[name] = vector;
	}
	return vocabulary;
}

function readHead(
	r: Reader,
	{ name, key, value }: Entry,
	features: string[],
	keySize: number,
	valueSize: number
): ModelHead {
	if (!KEBAB.test(name)) {
		r.fail(key, `head names are kebab-case, like "adjective" or "next-word" (got "${name}")`);
	}
	const head = `head "${name}"`;
	const parts = sections(
		r,
		r.map(value, key, `${head} should be a map with ${and(HEAD_ENTRIES)}`),
		HEAD_ENTRIES,
		(n) => `${head} has an unknown entry "${n}"; a head has ${and(HEAD_ENTRIES)}`,
		(n, line) => `${head} gives "${n}" twice (first on line ${line})`
	);
	const description = parts.get('description');
	if (!description) r.fail(key, `${head} is missing its description (one sentence for captions)`);
	for (const matrix of MATRICES) {
		if (!parts.get(matrix)) {
			r.fail(key, `${head} is missing its ${matrix} matrix (a head needs ${and(MATRICES)})`);
		}
	}
	const at = (part: (typeof MATRICES)[number]) => parts.get(part) as Entry;
	const rows = (part: 'query' | 'key' | 'valueDown', size: number, sizeName: string) =>
		r.rows(at(part).value, at(part).key, features, { size, name: sizeName }, head, part);

	const up = at('valueUp');
	const seq = r.seq(
		up.value,
		up.key,
		`${head}: valueUp should be a list of ${valueSize} vectors (valueSize), one per value channel, like - { food: 1 }`
	);
	if (seq.items.length !== valueSize) {
		r.fail(seq, `${head}: valueUp has ${seq.items.length} rows, but valueSize is ${valueSize}`);
	}
	return {
		name,
		description: r.text(description.value, description.key, `${head}: description`),
		query: rows('query', keySize, 'keySize'),
		key: rows('key', keySize, 'keySize'),
		valueDown: rows('valueDown', valueSize, 'valueSize'),
		valueUp: seq.items.map((item, i) =>
			r.vector(item as MaybeNode, seq, features, `${head}: valueUp row ${i + 1}`)
		)
	};
}

/** A map of name → { label, vector }, for meanings and readout candidates. */
function readLabelled(
	r: Reader,
	node: MaybeNode,
	where: MaybeNode,
	features: string[],
	kind: string,
	section: string,
	checkName: (name: string, key: Node) => void
): Record<string, LabelledVector> {
	const map = r.map(
		node,
		where,
		`${section} should be a map of name → { label, vector }, like food: { label: food, vector: { food: 1 } }`
	);
	if (map.items.length === 0) r.fail(where, `${section} is empty; list at least one`);
	const out: Record<string, LabelledVector> = {};
	for (const { name, key, value } of r.entries(
		map,
		(n, line) => `the ${kind} "${n}" is listed twice (first on line ${line})`
	)) {
		checkName(name, key);
		const what = `the ${kind} "${name}"`;
		const parts = sections(
			r,
			r.map(value, key, `${what} should be a map with label and vector`),
			['label', 'vector'] as const,
			(n) => `${what} has an unknown entry "${n}"; it has label and vector`,
			(n, line) => `${what} gives "${n}" twice (first on line ${line})`
		);
		const label = parts.get('label');
		const vector = parts.get('vector');
		if (!label) r.fail(key, `${what} is missing its label`);
		if (!vector) r.fail(key, `${what} is missing its vector`);
		const dense = r.vector(vector.value, vector.key, features, what);
		if (dense.every((x) => x === 0))
			r.fail(vector.key, `${what} has no direction: its vector is all zeros`);
		out[name] = { label: r.text(label.value, label.key, `${what}: label`), vector: dense };
	}
	return out;
}

/**
 * Parses and checks the toy model, turning every sparse map into a dense array in `features` order.
 *
 * @param source the text of content/model.yaml
 * @param file the path reported in errors, relative to the project root
 * @throws ContentError naming the line and the problem in words a writer understands: invalid YAML,
 *   missing or unknown sections, unknown feature names, rows of the wrong length, entries that are
 *   not numbers (or have more than two decimals), duplicate words, heads missing a matrix, meanings
 *   or readout naming unknown features or heads.
 */
export function loadModel(source: string, file: string): ToyModel {
	const lines = new LineCounter();
	const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
	const r: Reader = new Reader(file, lines);
	const syntax = doc.errors[0];
	if (syntax) {
		const message = syntax.message.split('\n')[0].replace(/\s*at line \d+.*$/, '');
		throw new ContentError(
			file,
			lines.linePos(syntax.pos[0]).line,
			`this is not valid YAML: ${message}`
		);
	}
	const top = sections(
		r,
		r.map(doc.contents, null, `the model should be a map with the sections ${and(SECTIONS)}`),
		SECTIONS,
		(n) => `unknown section "${n}"; the model has the sections ${and(SECTIONS)}`,
		(n, line) => `the section "${n}" appears twice (first on line ${line})`
	);
	for (const name of SECTIONS) {
		if (!top.get(name))
			throw new ContentError(file, undefined, `the model is missing its "${name}" section`);
	}
	const get = (name: (typeof SECTIONS)[number]) => top.get(name) as Entry;

	const features = readFeatures(r, get('features'));
	const keySize = r.size(get('keySize').value, get('keySize').key, 'keySize');
	const valueSize = r.size(get('valueSize').value, get('valueSize').key, 'valueSize');
	const vocabulary = readVocabulary(r, get('vocabulary'), features);

	const headsEntry = get('heads');
	const headsMap = r.map(
		headsEntry.value,
		headsEntry.key,
		`heads should be a map of head name → { ${HEAD_ENTRIES.join(', ')} }`
	);
	if (headsMap.items.length === 0)
		r.fail(headsEntry.key, 'heads is empty; the model needs at least one head');
	const heads: Record<string, ModelHead> = {};
	for (const entry of r.entries(
		headsMap,
		(n, line) => `the head "${n}" is listed twice (first on line ${line})`
	)) {
		heads[entry.name] = readHead(r, entry, features, keySize, valueSize);
	}

	const kebab = (kind: string) => (name: string, key: Node) => {
		if (!KEBAB.test(name))
			r.fail(key, `${kind} names are kebab-case, like "mole-unit" (got "${name}")`);
	};
	const meaningsEntry = get('meanings');
	const meanings = readLabelled(
		r,
		meaningsEntry.value,
		meaningsEntry.key,
		features,
		'meaning',
		'meanings',
		kebab('meaning')
	);

	const readoutEntry = get('readout');
	const readout = sections(
		r,
		r.map(
			readoutEntry.value,
			readoutEntry.key,
			'readout should be a map with head (the head that carries the readout) and candidates'
		),
		['head', 'candidates'] as const,
		(n) => `readout has an unknown entry "${n}"; it has head and candidates`,
		(n, line) => `readout gives "${n}" twice (first on line ${line})`
	);
	const readoutHead = readout.get('head');
	const candidates = readout.get('candidates');
	if (!readoutHead)
		r.fail(readoutEntry.key, 'readout is missing its head (the head that carries the readout)');
	if (!candidates)
		r.fail(readoutEntry.key, 'readout is missing its candidates (the possible next words)');
	const headName = r.text(readoutHead.value, readoutHead.key, 'readout.head');
	if (!heads[headName]) {
		r.fail(
			readoutHead.value,
			`readout.head names the head "${headName}", but the model's heads are: ${Object.keys(heads).join(', ')}`
		);
	}
	const words = readLabelled(
		r,
		candidates.value,
		candidates.key,
		features,
		'readout candidate',
		'readout.candidates',
		(name, key) => {
			if (tokenize(name).join(' ') !== name) {
				r.fail(key, `readout candidates are single lowercase words (got "${name}")`);
			}
		}
	);

	return {
		features,
		keySize,
		valueSize,
		vocabulary,
		heads,
		meanings,
		readout: words,
		readoutHead: headName
	};
}
