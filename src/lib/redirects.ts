// Step ids are public URLs: when one is renamed, its old address keeps working through this map.
//
//   /<old chapter>/<old step>/        ──▶ /<chapter>/<step>/          (the essay, opened there)
//   /embed/<old chapter>/<old step>/  ──▶ /embed/<chapter>/<step>/    (embeds already pasted elsewhere)
//
// Each old address is prerendered as a tiny page that forwards at once (meta refresh, and a script
// that keeps the query string and #fragment). The build fails if an entry points nowhere.
import type { Manifest } from './manifest.ts';

/**
 * Old address (`chapter/step`) → current address (`chapter/step`). Add a line whenever a step id or
 * chapter slug changes; never remove one. Old step ids must not be reused for new steps.
 */
export const REDIRECTS: Readonly<Record<string, string>> = {
	// The stage's own name, for readers who guess the address of the scaling step.
	'hot-dog/scale': 'hot-dog/scale-by-root-dk'
};

/** A parsed redirect. */
export interface Redirect {
	from: { chapter: string; step: string };
	to: { chapter: string; step: string };
}

function split(address: string): { chapter: string; step: string } {
	const [chapter, step, ...rest] = address.split('/');
	if (!chapter || !step || rest.length > 0) {
		throw new Error(`redirect address "${address}" must be "chapter/step"`);
	}
	return { chapter, step };
}

/** Every redirect of a map, parsed. */
export function parseRedirects(map: Readonly<Record<string, string>> = REDIRECTS): Redirect[] {
	return Object.entries(map).map(([from, to]) => ({ from: split(from), to: split(to) }));
}

/** Where an old address now lives, or undefined when it is not an old address. */
export function findRedirect(
	chapter: string,
	step: string,
	map: Readonly<Record<string, string>> = REDIRECTS
): Redirect['to'] | undefined {
	const to = map[`${chapter}/${step}`];
	return to === undefined ? undefined : split(to);
}

/** Whether `step` is the step part of any old address (the route matcher's test). */
export function isOldStep(
	step: string,
	map: Readonly<Record<string, string>> = REDIRECTS
): boolean {
	return Object.keys(map).some((from) => from.endsWith(`/${step}`));
}

/**
 * Check a map against the manifest: every target must be a step that exists, and no old step id
 * may be in use again (step ids are unique across the essay, so an old one would shadow it).
 * @throws Error naming the first bad entry.
 */
export function checkRedirects(
	manifest: Pick<Manifest, 'chapters'>,
	map: Readonly<Record<string, string>> = REDIRECTS
): Redirect[] {
	const live = new Set(manifest.chapters.flatMap((c) => c.steps.map((s) => `${c.slug}/${s.id}`)));
	const ids = new Set(manifest.chapters.flatMap((c) => c.steps.map((s) => s.id)));
	const redirects = parseRedirects(map);
	for (const { from, to } of redirects) {
		const source = `${from.chapter}/${from.step}`;
		const target = `${to.chapter}/${to.step}`;
		if (ids.has(from.step)) {
			throw new Error(
				`redirect ${source} → ${target}: "${from.step}" is a step id in use; old ids cannot be reused`
			);
		}
		if (!live.has(target)) {
			const hint = map[target] ? ` (it was renamed to ${map[target]}: point there instead)` : '';
			throw new Error(`redirect ${source} → ${target}: there is no step ${target}${hint}`);
		}
	}
	return redirects;
}
