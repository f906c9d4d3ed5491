// /data/index.json: the chapters in reading order with their steps' ids and stages.
import { json } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';

export const prerender = true;

export function GET() {
	const { manifest } = loadContent();
	return json({
		title: manifest.title,
		chapters: manifest.chapters.map((c) => ({
			slug: c.slug,
			title: c.title,
			steps: c.steps.map((s) => ({ id: s.id, stage: s.state.stage }))
		}))
	});
}
