// The content pipeline's entry: loads every file in content/ once and returns the essay's manifest.
import type { Manifest } from '$lib/manifest';
import type { ToyModel } from '$lib/model/types';
import { ContentError } from './errors.ts';
import { parseChapter, parseIndex, type SeenIds } from './chapter.ts';
import { loadModel } from './model.ts';
import { mathStylesheet } from './math.ts';

export { ContentError } from './errors.ts';

/**
 * Build the manifest from raw sources.
 * @param files content file path (relative to the project root, e.g. `content/01-hot-dog.md`) → source
 */
export function buildManifest(files: Record<string, string>): {
	manifest: Manifest;
	model: ToyModel;
} {
	const modelFile = 'content/model.yaml';
	const modelSource = files[modelFile];
	if (modelSource === undefined)
		throw new ContentError(modelFile, undefined, 'the toy model file is missing');
	const model = loadModel(modelSource, modelFile);

	const indexFile = 'content/index.md';
	if (files[indexFile] === undefined) {
		throw new ContentError(
			indexFile,
			undefined,
			'the essay needs content/index.md with its title, description and opening'
		);
	}
	const index = parseIndex(files[indexFile], indexFile);

	const seen: SeenIds = new Map();
	const numbers = new Map<number, string>();
	const chapters = Object.keys(files)
		.filter((f) => f !== indexFile && f.endsWith('.md'))
		.sort()
		.map((file) => {
			const chapter = parseChapter(files[file], file, model, seen);
			const other = numbers.get(chapter.number);
			if (other)
				throw new ContentError(
					file,
					undefined,
					`chapter number ${chapter.number} is also used by ${other}`
				);
			numbers.set(chapter.number, file);
			return chapter;
		});
	if (chapters.length === 0) throw new ContentError('content', undefined, 'no chapter files found');
	return {
		manifest: { ...index, chapters, mathCss: mathStylesheet() },
		model
	};
}

let cache: { manifest: Manifest; model: ToyModel; sources: string } | undefined;

/** The essay's manifest and toy model, loaded once per build from content/ (again when it changes). */
export function loadContent(): { manifest: Manifest; model: ToyModel } {
	const modules = import.meta.glob(['/content/*.md', '/content/model.yaml'], {
		query: '?raw',
		import: 'default',
		eager: true
	}) as Record<string, string>;
	const files: Record<string, string> = {};
	for (const [path, source] of Object.entries(modules)) files[path.replace(/^\//, '')] = source;
	const sources = JSON.stringify(files);
	if (cache?.sources !== sources) cache = { ...buildManifest(files), sources };
	return cache;
}
