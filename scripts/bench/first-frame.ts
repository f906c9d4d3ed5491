// The first frame of a page on a phone-sized screen: the main thread's work until its first
// contentful paint, the longest task of it (the one that lays out and paints the first screen), and
// which typefaces the text it lays out needs.
//
// Lighthouse's total blocking time counts the main thread's long tasks after first contentful
// paint, but its simulation estimates that paint from the first parse, layout and paint tasks
// alone. Chromium first paints an empty screen here, so the estimate comes early and the task that
// lays out the first screen counts as blocking. On this machine each typeface that text needs for
// the first time adds milliseconds to that layout, so the list of typefaces is part of the figure.
import type { Browser, Page } from 'playwright';
import { median, newContext, round } from './util.ts';

/** A Chrome trace event, as much of it as this file reads. */
export interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; beginData?: { totalObjects?: number; dirtyObjects?: number } };
}

/** One load's way to its first contentful paint, in milliseconds of main-thread time. */
export interface FirstFrame {
	/** Every task of the navigation that started before the first contentful paint. */
	tasks: { count: number; ms: number };
	/** The longest of them (on these pages, the one that lays out and paints the first screen). */
	longest: {
		ms: number;
		style: number;
		layout: number;
		paint: number;
		commit: number;
		/** Layout objects in its largest layout. */
		objects: number;
	};
}

/** What a page's first frame costs over several loads, and the typefaces of the text it lays out. */
export interface FirstFrameResult {
	path: string;
	viewport: { width: number; height: number; deviceScaleFactor: number };
	loads: FirstFrame[];
	median: { tasks: number; longest: number; style: number; layout: number; paint: number };
	/**
	 * Typefaces (PostScript names) of the text laid out once the page has loaded (all but what
	 * content-visibility skips, as in the first layout), most used first.
	 */
	typefaces: { name: string; elements: number }[];
}

/** Lighthouse's phone: a Moto G Power's screen. */
export const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75 };

const ms = (us: number) => round(us / 1000, 2);

/**
 * The main thread's way to the first contentful paint in a trace of one navigation. The renderer's
 * main thread is the busiest CrRendererMain; its tasks are its top-level RunTask events, counted
 * from navigationStart (or from the start, without it) to the firstContentfulPaint mark. Null
 * without that mark.
 */
export function firstFrameOf(events: TraceEvent[]): FirstFrame | null {
	const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	let main: TraceEvent[] = [];
	for (const m of mains) {
		const own = events.filter((e) => e.pid === m.pid && e.tid === m.tid);
		if (own.length > main.length) main = own;
	}
	const fcp = main.find((e) => e.name === 'firstContentfulPaint')?.ts;
	if (fcp === undefined) return null;
	const start = main.find((e) => e.name === 'navigationStart')?.ts ?? -Infinity;
	const spans = main.filter((e) => e.ph === 'X' && e.dur !== undefined);
	const within = (outer: TraceEvent, inner: TraceEvent) =>
		inner !== outer && inner.ts >= outer.ts && inner.ts + inner.dur! <= outer.ts + outer.dur!;
	const runs = spans.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
	const tasks = runs
		.filter((t) => !runs.some((o) => within(o, t)))
		.filter((t) => t.ts >= start && t.ts <= fcp);
	if (tasks.length === 0) return null;
	const longest = tasks.reduce((a, b) => (b.dur! > a.dur! ? b : a));
	const inside = (name: string) => spans.filter((e) => e.name === name && within(longest, e));
	const sum = (list: TraceEvent[]) => list.reduce((total, e) => total + e.dur!, 0);
	return {
		tasks: { count: tasks.length, ms: ms(sum(tasks)) },
		longest: {
			ms: ms(longest.dur!),
			style: ms(sum(inside('UpdateLayoutTree'))),
			layout: ms(sum(inside('Layout'))),
			paint: ms(sum(inside('Paint'))),
			commit: ms(sum(inside('Commit'))),
			objects: Math.max(0, ...inside('Layout').map((l) => l.args?.beginData?.totalObjects ?? 0))
		}
	};
}

/** Typefaces used by the text of every element rendered now (content-visibility honoured). */
async function typefaces(page: Page): Promise<{ name: string; elements: number }[]> {
	const count = await page.evaluate(() => {
		let n = 0;
		for (const el of document.querySelectorAll('body *')) {
			const text = [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent?.trim());
			if (text && el.checkVisibility({ contentVisibilityAuto: true })) {
				el.setAttribute('data-bench-face', '');
				n++;
			}
		}
		return n;
	});
	if (count === 0) return [];
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
	const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
		nodeId: root.nodeId,
		selector: '[data-bench-face]'
	});
	const used = new Map<string, number>();
	for (const nodeId of nodeIds) {
		const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
		for (const f of fonts) {
			const name = f.postScriptName || f.familyName;
			used.set(name, (used.get(name) ?? 0) + 1);
		}
	}
	await cdp.detach();
	return [...used]
		.map(([name, elements]) => ({ name, elements }))
		.sort((a, b) => b.elements - a.elements);
}

/**
 * Load `path` `loads` times, each in a fresh context (a new renderer, so nothing is cached in it:
 * fonts included) at Lighthouse's phone size, tracing each load; the last load also lists the
 * typefaces of the text laid out.
 */
export async function firstFrame(
	browser: Browser,
	origin: string,
	path: string,
	loads = 5
): Promise<FirstFrameResult> {
	const options = {
		viewport: { width: PHONE.width, height: PHONE.height },
		deviceScaleFactor: PHONE.deviceScaleFactor,
		isMobile: true,
		hasTouch: true
	};
	const frames: FirstFrame[] = [];
	let faces: FirstFrameResult['typefaces'] = [];
	for (let i = 0; i < loads; i++) {
		const context = await newContext(browser, options);
		try {
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			const events: TraceEvent[] = [];
			// CDP types the events as string maps; Chromium's trace events have numbers too.
			cdp.on('Tracing.dataCollected', ({ value }) =>
				events.push(...(value as unknown as TraceEvent[]))
			);
			const done = new Promise<void>((resolve) =>
				cdp.once('Tracing.tracingComplete', () => resolve())
			);
			await cdp.send('Tracing.start', {
				transferMode: 'ReportEvents',
				traceConfig: {
					includedCategories: [
						'devtools.timeline',
						'disabled-by-default-devtools.timeline',
						'blink.user_timing',
						'toplevel'
					]
				}
			});
			await page.goto(`${origin}${path}`, { waitUntil: 'load' });
			await page.waitForTimeout(500);
			await cdp.send('Tracing.end');
			await done;
			const frame = firstFrameOf(events);
			if (frame) frames.push(frame);
			// The last load, already laid out, also gives the typefaces.
			if (i === loads - 1) faces = await typefaces(page);
		} finally {
			await context.close();
		}
	}
	const mid = (pick: (f: FirstFrame) => number) => round(median(frames.map(pick)), 1);
	return {
		path,
		viewport: { ...PHONE },
		loads: frames,
		median: {
			tasks: mid((f) => f.tasks.ms),
			longest: mid((f) => f.longest.ms),
			style: mid((f) => f.longest.style),
			layout: mid((f) => f.longest.layout),
			paint: mid((f) => f.longest.paint + f.longest.commit)
		},
		typefaces: faces
	};
}
