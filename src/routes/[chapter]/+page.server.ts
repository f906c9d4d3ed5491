// /<chapter>/: a chapter's own address, forwarding to the chapter's first step.
import { chapterEntries, chapterTarget } from '$lib/server/step-routes';
import type { EntryGenerator } from './$types';

/** A forwarding page needs no JavaScript of its own. */
export const csr = false;

export const entries: EntryGenerator = chapterEntries;

export function load({ params }) {
	return chapterTarget(params);
}
