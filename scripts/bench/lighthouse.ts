// Lighthouse 12, mobile (its default config), several runs against a fresh headless Chromium, medians.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, median, round } from './util.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One Lighthouse run's scores (0–100) and metrics (ms; CLS unitless). */
export interface LighthouseRun {
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
	speedIndex: number;
	/** Audits scoring below 1 in accessibility, best practices or SEO: id → title. */
	failing: Record<string, string>;
	warnings: string[];
}

export interface LighthouseResult {
	url: string;
	runs: LighthouseRun[];
	median: Omit<LighthouseRun, 'failing' | 'warnings'>;
	/** Failing audit ids with how many runs failed them. */
	failing: Record<string, { title: string; runs: number }>;
	/** Performance opportunities and diagnostics from the median-performance run, for context. */
	diagnostics: { id: string; title: string; display: string }[];
	/** From the same run: main-thread time by kind of work (simulated mobile CPU). */
	mainThread: { group: string; ms: number }[];
	/** From the same run: main-thread time by script. */
	scripts: { url: string; totalMs: number; scriptingMs: number }[];
	lcpElement: string;
	error?: string;
}

/** The LCP element's selector and a snippet of its markup, from the audit's nested tables. */
function lcpElement(details: unknown): string {
	const found: string[] = [];
	const walk = (value: unknown) => {
		if (!value || typeof value !== 'object') return;
		const node = (value as { type?: string; selector?: string; snippet?: string }).type === 'node';
		if (node) {
			const v = value as { selector?: string; snippet?: string };
			found.push(`${v.selector ?? ''} ${(v.snippet ?? '').slice(0, 120)}`.trim());
			return;
		}
		for (const child of Object.values(value)) walk(child);
	};
	walk(details);
	return found[0] ?? '';
}

type Once = {
	run: LighthouseRun;
	diagnostics: LighthouseResult['diagnostics'];
	mainThread: { group: string; ms: number }[];
	scripts: { url: string; totalMs: number; scriptingMs: number }[];
	lcpElement: string;
};

async function runOnce(url: string): Promise<Once> {
	const chrome = await launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
		logLevel: 'silent'
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: [...CATEGORIES]
		});
		if (!result) throw new Error('Lighthouse returned no result');
		const lhr = result.lhr;
		if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
		const score = (id: (typeof CATEGORIES)[number]) =>
			round((lhr.categories[id]?.score ?? 0) * 100, 0);
		const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
		const failing: Record<string, string> = {};
		for (const id of ['accessibility', 'best-practices', 'seo'] as const) {
			for (const ref of lhr.categories[id]?.auditRefs ?? []) {
				const audit = lhr.audits[ref.id];
				if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
					failing[ref.id] = audit.title;
				}
			}
		}
		const diagnostics = (lhr.categories.performance?.auditRefs ?? [])
			.map((ref) => lhr.audits[ref.id])
			.filter(
				(a) =>
					a &&
					a.score !== null &&
					a.score < 0.9 &&
					(a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings')
			)
			.map((a) => ({ id: a.id, title: a.title, display: a.displayValue ?? '' }));
		const breakdown = lhr.audits['mainthread-work-breakdown']?.details;
		const mainThread =
			breakdown && 'items' in breakdown
				? (breakdown.items as { groupLabel?: string; duration?: number }[]).map((i) => ({
						group: String(i.groupLabel ?? ''),
						ms: round(Number(i.duration ?? 0), 0)
					}))
				: [];
		const bootup = lhr.audits['bootup-time']?.details;
		const scripts =
			bootup && 'items' in bootup
				? (bootup.items as { url?: string; total?: number; scripting?: number }[]).map((i) => ({
						url: String(i.url ?? '').replace(/^https?:\/\/[^/]+/, ''),
						totalMs: round(Number(i.total ?? 0), 0),
						scriptingMs: round(Number(i.scripting ?? 0), 0)
					}))
				: [];
		return {
			mainThread,
			scripts,
			lcpElement: lcpElement(lhr.audits['largest-contentful-paint-element']?.details),
			run: {
				performance: score('performance'),
				accessibility: score('accessibility'),
				bestPractices: score('best-practices'),
				seo: score('seo'),
				fcp: round(metric('first-contentful-paint'), 0),
				lcp: round(metric('largest-contentful-paint'), 0),
				tbt: round(metric('total-blocking-time'), 0),
				cls: round(metric('cumulative-layout-shift'), 4),
				speedIndex: round(metric('speed-index'), 0),
				failing,
				warnings: lhr.runWarnings ?? []
			},
			diagnostics
		};
	} finally {
		chrome.kill();
	}
}

/** Run Lighthouse `runs` times on `url`, one fresh Chromium per run, and take medians. */
export async function lighthouseMedians(url: string, runs = 3): Promise<LighthouseResult> {
	const done: Once[] = [];
	let error: string | undefined;
	for (let i = 0; i < runs; i++) {
		try {
			done.push(await runOnce(url));
		} catch (e) {
			error = String(e instanceof Error ? e.message : e);
		}
	}
	const pick = (key: keyof LighthouseResult['median']) => median(done.map((d) => d.run[key]));
	const med = {
		performance: pick('performance'),
		accessibility: pick('accessibility'),
		bestPractices: pick('bestPractices'),
		seo: pick('seo'),
		fcp: pick('fcp'),
		lcp: pick('lcp'),
		tbt: pick('tbt'),
		cls: pick('cls'),
		speedIndex: pick('speedIndex')
	};
	const failing: LighthouseResult['failing'] = {};
	for (const d of done) {
		for (const [id, title] of Object.entries(d.run.failing)) {
			failing[id] = { title, runs: (failing[id]?.runs ?? 0) + 1 };
		}
	}
	const byPerf = [...done].sort((a, b) => a.run.performance - b.run.performance);
	const middle = byPerf[Math.floor(byPerf.length / 2)];
	return {
		url,
		runs: done.map((d) => d.run),
		median: med,
		failing,
		diagnostics: middle?.diagnostics ?? [],
		mainThread: middle?.mainThread ?? [],
		scripts: middle?.scripts ?? [],
		lcpElement: middle?.lcpElement ?? '',
		...(error ? { error } : {})
	};
}
