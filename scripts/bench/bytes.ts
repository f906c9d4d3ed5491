// Bytes on first load of a page, by resource kind, raw and gzip, as a reader's browser receives them.
import type { Browser } from 'playwright';
import { newContext } from './util.ts';

/** Resource kinds the table reports; anything else is `other`. */
export const KINDS = [
	'document',
	'script',
	'stylesheet',
	'image',
	'font',
	'fetch',
	'other'
] as const;
export type Kind = (typeof KINDS)[number];

/** Raw (decoded) and gzip (as sent) body bytes. */
export interface Bytes {
	raw: number;
	gzip: number;
	count: number;
}

export interface Resource {
	url: string;
	kind: Kind;
	status: number;
	raw: number;
	gzip: number;
}

export type PageBytes =
	| {
			path: string;
			missing: false;
			byKind: Record<Kind, Bytes>;
			total: Bytes;
			resources: Resource[];
	  }
	| { path: string; missing: true; status: number | null; reason: string };

function kindOf(resourceType: string): Kind {
	if (resourceType === 'xhr' || resourceType === 'fetch') return 'fetch';
	return (KINDS as readonly string[]).includes(resourceType) ? (resourceType as Kind) : 'other';
}

/**
 * Load `path` without scrolling (desktop viewport, cold cache), wait for the network to go quiet,
 * and add up every response body: raw = decoded length, gzip = bytes on the wire (encoded body).
 */
export async function firstLoadBytes(
	browser: Browser,
	origin: string,
	path: string
): Promise<PageBytes> {
	const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const pending: Promise<Resource | null>[] = [];
	page.on('requestfinished', (req) => {
		pending.push(
			(async () => {
				const res = await req.response();
				if (!res) return null;
				const [body, sizes] = await Promise.all([
					res.body().catch(() => Buffer.alloc(0)),
					req.sizes()
				]);
				return {
					url: req.url().replace(origin, ''),
					kind: kindOf(req.resourceType()),
					status: res.status(),
					raw: body.length,
					gzip: sizes.responseBodySize
				};
			})()
		);
	});
	try {
		const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
		const status = response?.status() ?? null;
		if (status !== 200) {
			return {
				path,
				missing: true,
				status,
				reason: status === 404 ? 'not found (404)' : `HTTP ${status}`
			};
		}
		await page.waitForTimeout(300);
		const resources = (await Promise.all(pending)).filter((r): r is Resource => r !== null);
		const empty = (): Bytes => ({ raw: 0, gzip: 0, count: 0 });
		const byKind = Object.fromEntries(KINDS.map((k) => [k, empty()])) as Record<Kind, Bytes>;
		const total = empty();
		for (const r of resources) {
			for (const b of [byKind[r.kind], total]) {
				b.raw += r.raw;
				b.gzip += r.gzip;
				b.count++;
			}
		}
		resources.sort((a, b) => b.gzip - a.gzip);
		return { path, missing: false, byKind, total, resources };
	} catch (error) {
		return { path, missing: true, status: null, reason: String(error) };
	} finally {
		await context.close();
	}
}
