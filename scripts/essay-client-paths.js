// Where the essay's browser entry lives, and where the build records the file it became: shared by
// vite.config.ts (which writes the record) and src/lib/server/essay-client.ts (which reads it).

/** The essay pages' own browser entry, relative to the project's root. */
export const ESSAY_CLIENT_ENTRY = 'src/lib/essay-client/boot.ts';

/** The client build's record of that entry's output file, relative to the project's root. */
export const ESSAY_CLIENT_MANIFEST = '.svelte-kit/essay-client.json';
