// The scripts the essay pages end with: the essay's browser entry (src/lib/essay-client/boot.ts).
// In development Vite serves the source itself, after its `/@vite/env` module, which sets the
// build-time constants (vite.config.ts `define`) that a build writes into the code. A build reads
// the file the client build emitted (vite.config.ts records it; the client is built before the
// pages are prerendered).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { base } from '$app/paths';
import { ESSAY_CLIENT_ENTRY, ESSAY_CLIENT_MANIFEST } from '../../../scripts/essay-client-paths.js';

let built: string | null = null;

/** The URLs of the essay's module scripts, in the order they run, base path included. */
export function essayClientUrls(): string[] {
	if (import.meta.env.DEV) return [`${base}/@vite/env`, `${base}/${ESSAY_CLIENT_ENTRY}`];
	built ??= `${base}/${readEssayClient(resolve(ESSAY_CLIENT_MANIFEST))}`;
	return [built];
}

/**
 * The entry's output file (e.g. `_app/immutable/entry/essay.AbC12.js`), from the record at `path`;
 * throws an error naming the record if it is missing or names no script.
 */
export function readEssayClient(path: string): string {
	let file: unknown;
	try {
		file = JSON.parse(readFileSync(path, 'utf8')).file;
	} catch (e) {
		throw new Error(
			`The essay's browser entry was not recorded in ${path} (${(e as Error).message}): the client build writes it (vite.config.ts, essayClient).`
		);
	}
	if (typeof file !== 'string' || !/^[\w./-]+\.js$/.test(file)) {
		throw new Error(`${path} names no script file (found ${JSON.stringify(file)}).`);
	}
	return file;
}
