// A Vitest environment for tests of runes (`*.svelte.spec.ts`): Node's globals, as the `node`
// environment, but modules are transformed for the client, so Svelte compiles `$effect` and
// `$state` for the browser runtime (in Node's transform, effects never run).
import type { Environment } from 'vitest/environments';

export default {
	name: 'client-node',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
