// Gives every page the essay's structure and toy model (no prose: that is prerendered into the HTML).
import { essayData } from '$lib/server/content/client';

export function load() {
	return { essay: essayData() };
}
