// /embed/<chapter>/<old step>/: an old embed address, forwarding so pasted iframes keep working.
import { embedPath } from '$lib/essay';
import { movedEntries, movedTarget } from '$lib/server/step-routes';
import type { EntryGenerator } from './$types';

/** A forwarding page needs no JavaScript of its own. */
export const csr = false;

export const entries: EntryGenerator = movedEntries;

export function load({ params }) {
	return movedTarget(params, embedPath);
}
