// The essay's data on its page: the server writes it into the HTML as JSON (no framework's
// hydration data: the page is not hydrated), and boot.ts reads it back.
import type { EssayData } from '$lib/essay';

/** The id of the <script type="application/json"> that holds the data. */
export const DATA_ID = 'essay-data';

/** What the page's script needs: the essay's structure and model, and the step a URL opened at. */
export interface PageData {
	essay: EssayData;
	initialStep: string | null;
}

/**
 * The data as a JSON <script>. `<` is escaped (as `\u003c`, which JSON.parse reads back), so no
 * text in it can close the element; nothing in it runs.
 */
export function dataScript(data: PageData): string {
	const json = JSON.stringify(data).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${DATA_ID}">${json}</script>`;
}

/** Read the data back from the page; throws a clear error if it is missing or malformed. */
export function readData(doc: Pick<Document, 'getElementById'>): PageData {
	const el = doc.getElementById(DATA_ID);
	if (!el) throw new Error(`The essay's data (#${DATA_ID}) is not on this page.`);
	let data: Partial<PageData>;
	try {
		data = JSON.parse(el.textContent ?? '');
	} catch (e) {
		throw new Error(`The essay's data (#${DATA_ID}) is not valid JSON: ${(e as Error).message}`);
	}
	if (!data || !Array.isArray(data.essay?.chapters) || data.essay.chapters.length === 0) {
		throw new Error(`The essay's data (#${DATA_ID}) has no chapters.`);
	}
	return { essay: data.essay, initialStep: data.initialStep ?? null };
}
