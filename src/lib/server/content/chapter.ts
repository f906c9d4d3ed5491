// Turns one parsed chapter file into a validated Chapter: front matter, sentences, plane, steps.
import { parseDocument, LineCounter, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { Chapter, FigureState, Plane, Step } from '$lib/manifest';
import type { ToyModel } from '$lib/model/types';
import { tokenize } from '$lib/model/tokenize';
import { ContentError } from './errors.ts';
import { parseFile } from './markdown.ts';
import { baseState, mergeState, parsePartialState, type StateContext } from './state.ts';

const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHAPTER_FILE = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const CHAPTER_KEYS = ['title', 'description', 'sentences', 'defaults', 'plane', 'planes'];
const INDEX_KEYS = ['title', 'description'];

/** Where every step id was first declared, to report duplicates across files. */
export type SeenIds = Map<string, string>;

interface FrontMatter {
	data: Record<string, unknown>;
	/** Line of a top-level key, or of an item inside a list/map value. */
	lineOf: (key: string, item?: number | string) => number;
}

function readFrontMatter(
	text: string | undefined,
	firstLine: number,
	file: string,
	allowed: string[]
): FrontMatter {
	if (text === undefined) {
		throw new ContentError(
			file,
			1,
			'the file must start with front matter between --- lines (title, description, …)'
		);
	}
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
	const at = (offset: number | undefined) =>
		offset === undefined ? firstLine : counter.linePos(offset).line + firstLine - 1;
	if (doc.errors.length > 0) {
		const err = doc.errors[0];
		throw new ContentError(
			file,
			at(err.pos[0]),
			`the front matter is not valid YAML: ${err.message.split('\n')[0]}`
		);
	}
	const data = doc.toJS() as unknown;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw new ContentError(file, firstLine, 'the front matter must be a set of "key: value" lines');
	}
	const root = doc.contents;
	const nodeOf = (key: string): YamlNode | undefined =>
		isMap(root) ? (root.get(key, true) as YamlNode | undefined) : undefined;
	const lineOf = (key: string, item?: number | string) => {
		if (!isMap(root)) return firstLine;
		const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
		if (!pair) return firstLine;
		const value = nodeOf(key);
		if (item !== undefined && value && (isSeq(value) || isMap(value))) {
			const child = (
				isSeq(value)
					? value.items[item as number]
					: value.items.find((p) => isScalar(p.key) && p.key.value === item)?.key
			) as YamlNode | undefined;
			if (child?.range) return at(child.range[0]);
		}
		const keyNode = pair.key as YamlNode;
		return at(keyNode.range?.[0]);
	};
	for (const key of Object.keys(data)) {
		if (!allowed.includes(key)) {
			throw new ContentError(
				file,
				lineOf(key),
				`unknown front matter key "${key}". Allowed: ${allowed.join(', ')}`
			);
		}
	}
	return { data: data as Record<string, unknown>, lineOf };
}

function requireText(fm: FrontMatter, key: string, file: string): string {
	const value = fm.data[key];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ContentError(
			file,
			fm.lineOf(key),
			`missing ${key}: add a line "${key}: …" to the front matter`
		);
	}
	return value.trim();
}

/** The essay's title, description and opening, from content/index.md. */
export function parseIndex(source: string, file: string) {
	const parsed = parseFile(source, file);
	const fm = readFrontMatter(parsed.frontMatter, parsed.frontMatterLine, file, INDEX_KEYS);
	if (parsed.steps.length > 0) {
		throw new ContentError(
			file,
			parsed.steps[0].line,
			'the opening has no steps; put steps in a chapter file'
		);
	}
	return {
		title: requireText(fm, 'title', file),
		description: requireText(fm, 'description', file),
		opening: parsed.intro
	};
}

function parsePlane(
	raw: unknown,
	line: number,
	name: string,
	model: ToyModel,
	file: string
): Plane {
	if (raw === undefined) {
		const [a, b] = model.features;
		return { x: { label: a, direction: { [a]: 1 } }, y: { label: b, direction: { [b]: 1 } } };
	}
	const axis = (key: 'x' | 'y') => {
		const a = (raw as Record<string, unknown>)?.[key] as Record<string, unknown> | undefined;
		const where = `${name}.${key}`;
		if (
			!a ||
			typeof a.label !== 'string' ||
			typeof a.direction !== 'object' ||
			a.direction === null
		) {
			throw new ContentError(
				file,
				line,
				`${where} needs a label and a direction (feature: weight)`
			);
		}
		const direction: Record<string, number> = {};
		for (const [feature, weight] of Object.entries(a.direction as Record<string, unknown>)) {
			if (!model.features.includes(feature)) {
				throw new ContentError(
					file,
					line,
					`${where} names unknown feature "${feature}". The toy model has: ${model.features.join(', ')}`
				);
			}
			if (typeof weight !== 'number') {
				throw new ContentError(file, line, `${where}.direction.${feature} must be a number`);
			}
			direction[feature] = weight;
		}
		if (Object.keys(direction).length === 0) {
			throw new ContentError(file, line, `${where}.direction must name at least one feature`);
		}
		return { label: a.label, direction };
	};
	return { x: axis('x'), y: axis('y') };
}

/**
 * Parse and validate one chapter file.
 * @param file path relative to the project root, e.g. `content/01-hot-dog.md`
 * @param seen step ids already declared (updated in place) so duplicates across files are caught
 */
export function parseChapter(
	source: string,
	file: string,
	model: ToyModel,
	seen: SeenIds
): Chapter {
	const name = file.split('/').pop() ?? file;
	const match = CHAPTER_FILE.exec(name);
	if (!match) {
		throw new ContentError(
			file,
			undefined,
			'chapter files are named like 01-hot-dog.md: a number, a dash, a kebab-case slug'
		);
	}
	const parsed = parseFile(source, file);
	const fm = readFrontMatter(parsed.frontMatter, parsed.frontMatterLine, file, CHAPTER_KEYS);
	const title = requireText(fm, 'title', file);
	const description = requireText(fm, 'description', file);

	const sentences = fm.data.sentences;
	if (
		!Array.isArray(sentences) ||
		sentences.length === 0 ||
		sentences.some((s) => typeof s !== 'string')
	) {
		throw new ContentError(
			file,
			fm.lineOf('sentences'),
			'missing sentences: list the sentences the figures use'
		);
	}
	sentences.forEach((s: string, i) => {
		const tokens = tokenize(s);
		if (tokens.length === 0)
			throw new ContentError(file, fm.lineOf('sentences', i), `sentence ${i} is empty`);
		for (const t of tokens) {
			if (!model.vocabulary[t]) {
				throw new ContentError(
					file,
					fm.lineOf('sentences', i),
					`the word "${t}" in "${s}" is not in the toy model's vocabulary (content/model.yaml)`
				);
			}
		}
	});
	const planes: Record<string, Plane> = {
		default: parsePlane(fm.data.plane, fm.lineOf('plane'), 'plane', model, file)
	};
	const named = fm.data.planes ?? {};
	if (typeof named !== 'object' || named === null || Array.isArray(named)) {
		throw new ContentError(
			file,
			fm.lineOf('planes'),
			'planes must map names to planes (x and y axes)'
		);
	}
	for (const [name, raw] of Object.entries(named)) {
		planes[name] = parsePlane(raw, fm.lineOf('planes', name), `planes.${name}`, model, file);
	}
	const ctx: StateContext = { model, sentences, planes: Object.keys(planes) };

	let defaults: FigureState;
	const rawDefaults = fm.data.defaults ?? {};
	if (typeof rawDefaults !== 'object' || rawDefaults === null || Array.isArray(rawDefaults)) {
		throw new ContentError(
			file,
			fm.lineOf('defaults'),
			'defaults must be a set of "key: value" lines'
		);
	}
	try {
		defaults = mergeState(
			baseState(model),
			parsePartialState(rawDefaults as Record<string, unknown>, ctx),
			ctx
		);
	} catch (e) {
		if (e instanceof ContentError) throw e;
		throw new ContentError(file, fm.lineOf('defaults'), `in defaults: ${(e as Error).message}`);
	}

	const slug = match[2];
	const steps: Step[] = parsed.steps.map((raw) => {
		if (!raw.id) {
			throw new ContentError(
				file,
				raw.line,
				'this step has no id: write it as :::step{#my-step-id stage="…"}'
			);
		}
		if (!STEP_ID.test(raw.id)) {
			throw new ContentError(
				file,
				raw.line,
				`step id "${raw.id}" must be kebab-case (lowercase words joined by dashes): it becomes a URL`
			);
		}
		const previous = seen.get(raw.id);
		if (previous) {
			throw new ContentError(
				file,
				raw.line,
				`duplicate step id "${raw.id}": it is already used at ${previous}`
			);
		}
		seen.set(raw.id, `${file}:${raw.line}`);
		if (!raw.attributes.stage) {
			throw new ContentError(
				file,
				raw.line,
				`step "${raw.id}" needs a stage, e.g. stage="softmax"`
			);
		}
		let state: FigureState;
		try {
			state = mergeState(defaults, parsePartialState(raw.attributes, ctx), ctx);
		} catch (e) {
			throw new ContentError(file, raw.line, `step "${raw.id}": ${(e as Error).message}`);
		}
		return {
			id: raw.id,
			chapter: slug,
			state,
			html: raw.html,
			summary: raw.summary,
			line: raw.line
		};
	});
	if (steps.length === 0) {
		throw new ContentError(file, undefined, 'a chapter needs at least one :::step');
	}
	return {
		slug,
		number: Number(match[1]),
		title,
		description,
		sentences,
		defaults,
		planes,
		intro: parsed.intro,
		steps,
		file
	};
}
