// Route matcher for old step ids: /<chapter>/<old step>/ goes to the redirect route, not the essay.
import { isOldStep } from '$lib/redirects';
import type { ParamMatcher } from '@sveltejs/kit';

/** True for the step part of any address in the redirect map. */
export const match: ParamMatcher = (param) => isOldStep(param);
