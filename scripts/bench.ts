// `npm run bench`: prints the essay's performance figures (bytes, Lighthouse, scrolling, engine, try-it, build).
//
//   npm run bench                  build if build/ is missing, then measure everything
//   npm run bench -- --build       rebuild first and time the build
//   npm run bench -- --runs 5      Lighthouse runs per URL (default 3, medians)
//   npm run bench -- --only bytes,scroll   some sections: bytes, firstframe, lighthouse, scroll,
//                                          engine, tryit, context
//
// Prints tables to stdout and writes the same figures to bench-results/latest.json. It measures
// and reports; it never fails on a missed target (the e2e budget tests do that for bytes).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { firstLoadBytes, KINDS, type PageBytes } from './bench/bytes.ts';
import { contextLengthTimings, type ContextLengthResult } from './bench/context-length.ts';
import { engineTimings, type EngineRow } from './bench/engine.ts';
import { firstFrame, type FirstFrameResult } from './bench/first-frame.ts';
import { lighthouseMedians, type LighthouseResult } from './bench/lighthouse.ts';
import { findScroll, scrollEssay, scrollKind, type ScrollResult } from './bench/scroll.ts';
import {
	buildTryItPage,
	loadEssay,
	sentences,
	tryItBrowser,
	tryItNode,
	type TryItBrowser,
	type TryItNode
} from './bench/tryit.ts';
import { tryItEssay, type TryItEssay } from './bench/tryit-essay.ts';
import { CHROMIUM_PATH, kb, launchChromium, ms, round, serve, table } from './bench/util.ts';

const SECTIONS = [
	'bytes',
	'firstframe',
	'lighthouse',
	'scroll',
	'engine',
	'tryit',
	'context'
] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 3);
const only = option('only')?.split(',') as Section[] | undefined;
const wanted = (s: Section) => !only || only.includes(s);
for (const s of only ?? []) {
	if (!SECTIONS.includes(s)) {
		console.error(`Unknown section "${s}"; choose from ${SECTIONS.join(', ')}`);
		process.exit(2);
	}
}

const load = () => loadavg().map((x) => round(x, 2));
/** Load average (1 min) as each section starts: other work on the machine skews timings. */
const sectionLoad: { section: string; load1: number }[] = [];
const log = (message: string) => {
	sectionLoad.push({ section: message.replace(/…$/, ''), load1: load()[0] });
	process.stderr.write(`· ${message} (load ${load()[0]})\n`);
};

function machine() {
	let chromium = 'unknown';
	try {
		chromium = execFileSync(CHROMIUM_PATH, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		// Reported as unknown.
	}
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGiB: round(totalmem() / 2 ** 30, 1),
		freeMemoryGiB: round(freemem() / 2 ** 30, 1),
		node: process.version,
		chromium,
		platform: `${process.platform} ${process.arch}`
	};
}

/** Time `vite build` (through npx, as `npm run build` does) when asked, or when there is no build. */
function buildSite(): { ms: number | null; reason: string; ok: boolean } {
	const missing = !existsSync('build/index.html');
	if (!missing && !flag('build')) {
		return { ms: null, reason: 'existing build/ reused (pass --build to time a build)', ok: true };
	}
	log('building (npx vite build)…');
	const t0 = performance.now();
	const result = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8', env: process.env });
	const elapsed = round(performance.now() - t0, 0);
	if (result.status !== 0) {
		process.stderr.write(`${result.stdout}\n${result.stderr}\n`);
		return { ms: elapsed, reason: `vite build failed (exit ${result.status})`, ok: false };
	}
	return { ms: elapsed, reason: missing ? 'build/ was missing' : '--build', ok: true };
}

interface IndexStep {
	id: string;
	stage: string;
	chapter: string;
}

async function essaySteps(origin: string): Promise<IndexStep[]> {
	const res = await fetch(`${origin.replace('localhost', '127.0.0.1')}/data/index.json`);
	if (!res.ok) throw new Error(`/data/index.json: HTTP ${res.status}`);
	const index = (await res.json()) as {
		chapters: { slug: string; steps: { id: string; stage: string }[] }[];
	};
	return index.chapters.flatMap((c) => c.steps.map((s) => ({ ...s, chapter: c.slug })));
}

// ── measure ─────────────────────────────────────────────────────────────────────────────────────

const started = new Date();
const results: Record<string, unknown> = {
	date: started.toISOString(),
	machine: machine(),
	loadAverage: { start: load() as number[], end: [] as number[] }
};

const build = buildSite();
results.build = build;
if (!existsSync('build/index.html')) {
	console.error('No build to measure.');
	process.exit(1);
}

let engine: EngineRow[] | null = null;
const essay = loadEssay();
const shape = {
	dModel: essay.model.features.length,
	dK: essay.model.keySize,
	dV: essay.model.valueSize,
	heads: Object.keys(essay.model.heads).length
};
if (wanted('engine')) {
	log('engine…');
	engine = engineTimings(shape);
	results.engine = {
		shape,
		note: 'Node, causal, random inputs; median of repeated runs',
		rows: engine
	};
}

let tryNode: TryItNode | null = null;
if (wanted('tryit')) {
	log('try-it (Node)…');
	tryNode = await tryItNode(essay.model, essay.chapters[0]);
}

// Measure a snapshot, so a rebuild by someone else mid-run cannot mix two builds in one report.
const SITE = 'bench-results/site';
rmSync(SITE, { recursive: true, force: true });
mkdirSync('bench-results', { recursive: true });
cpSync('build', SITE, { recursive: true });
const server = await serve(SITE);
const steps = await essaySteps(server.origin);
const stepPath = `/${steps[10].chapter}/${steps[10].id}/`;
const embedPath = `/embed/${steps[5].chapter}/${steps[5].id}/`;
const contextStep = steps.find((s) => s.stage === 'context-length');

const bytes: PageBytes[] = [];
const firstFrames: FirstFrameResult[] = [];
const scroll: ScrollResult[] = [];
const context: ContextLengthResult[] = [];
let tryBrowser: TryItBrowser | null = null;
const tryEssay: TryItEssay[] = [];
let tryPageBuildMs: number | null = null;
const lighthouse: LighthouseResult[] = [];

try {
	const browser = await launchChromium();
	try {
		if (wanted('bytes')) {
			log('bytes…');
			for (const path of ['/', stepPath, embedPath]) {
				bytes.push(await firstLoadBytes(browser, server.origin, path));
			}
			results.bytes = bytes;
		}
		if (wanted('firstframe')) {
			for (const path of ['/', stepPath]) {
				log(`first frame of ${path}…`);
				firstFrames.push(await firstFrame(browser, server.origin, path));
			}
			results.firstFrame = firstFrames;
		}
		if (wanted('scroll')) {
			for (const cpu of [1, 4]) {
				log(`scrolling / at ${cpu}× CPU…`);
				scroll.push(await scrollEssay(browser, server.origin, { cpuThrottling: cpu }));
			}
			// The floor: the same scroll of the same page with none of its scripts running.
			for (const cpu of [1, 4]) {
				log(`scrolling / at ${cpu}× CPU with the essay's scripts blocked…`);
				scroll.push(
					await scrollEssay(browser, server.origin, { cpuThrottling: cpu, blockScripts: true })
				);
			}
			// Between the two at 4×: the figure changes at every step but never moves. What this run
			// has over the floor is the page's work without the transitions; what the motion run has
			// over this one is the transitions'.
			log('scrolling / at 4× CPU with reduced motion…');
			scroll.push(
				await scrollEssay(browser, server.origin, { cpuThrottling: 4, reducedMotion: true })
			);
			results.scroll = scroll;
		}
		if (wanted('context')) {
			if (contextStep) {
				for (const cpu of [1, 4]) {
					log(`context-length figure at ${cpu}× CPU…`);
					context.push(
						await contextLengthTimings(
							browser,
							server.origin,
							`/${contextStep.chapter}/${contextStep.id}/`,
							cpu
						)
					);
				}
			}
			results.contextLength = contextStep ? context : { missing: 'no context-length step' };
		}
		if (wanted('tryit')) {
			const { texts } = sentences(essay.model);
			for (const cpu of [1, 4]) {
				log(`try-it in the essay at ${cpu}× CPU…`);
				tryEssay.push(await tryItEssay(browser, server.origin, texts, cpu, cpu > 1 ? 20 : 40));
			}
			log('try-it (building its bench page)…');
			tryPageBuildMs = await buildTryItPage();
			log('try-it (Chromium)…');
			tryBrowser = await tryItBrowser(browser, {
				model: essay.model,
				chapter: essay.chapters[0]
			});
			results.tryit = {
				sentences: texts,
				node: tryNode,
				essay: tryEssay,
				components: tryBrowser,
				pageBuildMs: tryPageBuildMs
			};
		}
	} finally {
		await browser.close();
	}
	if (wanted('lighthouse')) {
		for (const path of ['/', stepPath]) {
			log(`Lighthouse ${path} × ${runs}…`);
			lighthouse.push(await lighthouseMedians(`${server.origin}${path}`, runs));
		}
		results.lighthouse = lighthouse;
	}
} finally {
	await server.stop();
}
(results.loadAverage as { end: number[] }).end = load();
results.sectionLoad = sectionLoad;

// ── targets ─────────────────────────────────────────────────────────────────────────────────────

interface Target {
	target: string;
	measured: string;
	met: boolean | null;
}
const targets: Target[] = [];
const check = (
	target: string,
	value: number | undefined,
	ok: (v: number) => boolean,
	show: string
) =>
	targets.push({
		target,
		measured: value === undefined || Number.isNaN(value) ? 'not measured' : show,
		met: value === undefined || Number.isNaN(value) ? null : ok(value)
	});

const home = lighthouse.find((l) => l.url.endsWith(':' + new URL(server.origin).port + '/'));
const lh = home?.median;
check('Lighthouse performance ≥ 98 (/)', lh?.performance, (v) => v >= 98, `${lh?.performance}`);
check(
	'Lighthouse accessibility 100 (/)',
	lh?.accessibility,
	(v) => v === 100,
	`${lh?.accessibility}`
);
check(
	'Lighthouse best practices 100 (/)',
	lh?.bestPractices,
	(v) => v === 100,
	`${lh?.bestPractices}`
);
check('Lighthouse SEO 100 (/)', lh?.seo, (v) => v === 100, `${lh?.seo}`);
check('CLS 0 (/)', lh?.cls, (v) => v === 0, `${lh?.cls}`);
check('TBT ≤ 50 ms (/)', lh?.tbt, (v) => v <= 50, `${lh?.tbt} ms`);
check('LCP ≤ 1.8 s (/)', lh?.lcp, (v) => v <= 1800, ms(lh?.lcp ?? NaN));
/** "; reduced motion 4.2; scripts blocked 0.5": the same scroll with less at work, when measured. */
const floor = (cpu: number) => {
	const still = findScroll(scroll, cpu, 'reduced motion');
	const blocked = findScroll(scroll, cpu, 'scripts blocked');
	return (
		(still ? `; reduced motion ${still.frames.over20Per100}` : '') +
		(blocked ? `; scripts blocked ${blocked.frames.over20Per100}` : '')
	);
};
const scrolled = (cpu: number) => findScroll(scroll, cpu, 'motion');
const s1 = scrolled(1);
const s4 = scrolled(4);
check(
	'scroll, normal CPU: 0 frames > 20 ms per 100',
	s1?.frames.over20Per100,
	(v) => v === 0,
	`${s1?.frames.over20Per100} (${s1?.frames.over20} of ${s1?.frames.n})${floor(1)}`
);
check(
	'scroll, 4× CPU: ≤ 2 frames > 20 ms per 100',
	s4?.frames.over20Per100,
	(v) => v <= 2,
	`${s4?.frames.over20Per100} (${s4?.frames.over20} of ${s4?.frames.n})${floor(4)}`
);
for (const s of scroll.filter((s) => scrollKind(s) === 'motion')) {
	check(
		`scroll, ${s.cpuThrottling}× CPU: no long task > 50 ms`,
		s.longTasks.over50,
		(v) => v === 0,
		`${s.longTasks.over50} long tasks, longest ${s.longTasks.maxMs} ms`
	);
}
const inEssay = tryEssay.find((t) => t.cpuThrottling === 1 && t.found && t.cases.length);
const tryWorst = inEssay ? inEssay.worstMedian : tryBrowser?.worstMedian;
check(
	'try-it recompute + redraw, 24 words < 4 ms',
	tryWorst,
	(v) => v < 4,
	inEssay
		? `${ms(inEssay.worstMedian)} (essay, slowest stage, median, input → frame drawn)`
		: `${ms(tryBrowser?.worstMedian ?? NaN)} (components alone, slowest case, median, to layout)`
);
results.targets = targets;

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, '\t') + '\n');

// ── print ───────────────────────────────────────────────────────────────────────────────────────

const out: string[] = [];
const section = (title: string, body: string) => out.push(`\n${title}\n${body}`);
const m = results.machine as ReturnType<typeof machine>;
out.push(
	`Benchmark ${started.toISOString()} · ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB · Node ${m.node} · ${m.chromium}`,
	`Load average at start ${(results.loadAverage as { start: number[] }).start.join(' ')}, at end ${load().join(' ')}`
);
section(
	'Build',
	build.ms === null ? build.reason : `vite build: ${ms(build.ms)} (${build.reason})`
);

if (bytes.length) {
	const rows: string[][] = [];
	for (const b of bytes) {
		if (b.missing) {
			rows.push([b.path, `missing: ${b.reason}`, '', '', '']);
			continue;
		}
		for (const k of KINDS) {
			const v = b.byKind[k];
			if (v.count) rows.push([b.path, k, String(v.count), kb(v.raw), kb(v.gzip)]);
		}
		rows.push([b.path, 'total', String(b.total.count), kb(b.total.raw), kb(b.total.gzip)]);
	}
	section(
		'Bytes on first load (response bodies, desktop viewport, no scrolling)',
		table(['page', 'kind', 'files', 'raw', 'gzip'], rows)
	);
	const first = bytes[0];
	if (!first.missing) {
		const scripts = first.resources.filter((r) => r.kind === 'script');
		section(
			`Scripts on / (largest first)`,
			table(
				['script', 'raw', 'gzip'],
				scripts.map((r) => [r.url, kb(r.raw), kb(r.gzip)])
			)
		);
	}
}

if (firstFrames.length) {
	const f0 = firstFrames[0];
	section(
		`First frame at ${f0.viewport.width} × ${f0.viewport.height} (Lighthouse's phone), unthrottled, medians of ${f0.loads.length} fresh loads`,
		table(
			['page', 'tasks to FCP', 'longest', 'its style', 'its layout', 'its paint + commit'],
			firstFrames.map((f) => [
				f.path,
				ms(f.median.tasks),
				ms(f.median.longest),
				ms(f.median.style),
				ms(f.median.layout),
				ms(f.median.paint)
			])
		) +
			'\n' +
			firstFrames
				.map(
					(f) =>
						`  ${f.path}: ${f.typefaces.length} typefaces in the text laid out at load: ${f.typefaces.map((t) => `${t.name} (${t.elements})`).join(', ')}`
				)
				.join('\n')
	);
}

if (lighthouse.length) {
	section(
		`Lighthouse 12, mobile (default config, simulated throttling), medians of ${runs} runs`,
		table(
			['page', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'perf by run'],
			lighthouse.map((l) => [
				new URL(l.url).pathname,
				String(l.median.performance),
				String(l.median.accessibility),
				String(l.median.bestPractices),
				String(l.median.seo),
				ms(l.median.fcp),
				ms(l.median.lcp),
				ms(l.median.tbt),
				String(l.median.cls),
				l.runs.map((r) => r.performance).join(' ') + (l.error ? ` (error: ${l.error})` : '')
			])
		)
	);
	for (const l of lighthouse) {
		const path = new URL(l.url).pathname;
		out.push(
			`  ${path} LCP element: ${l.lcpElement || '—'}`,
			`  ${path} main thread: ${l.mainThread.map((t) => `${t.group} ${ms(t.ms)}`).join(', ')}`,
			`  ${path} by script: ${l.scripts.map((t) => `${t.url} ${ms(t.totalMs)}`).join(', ')}`
		);
		const failing = Object.entries(l.failing);
		if (failing.length) {
			out.push(
				`  ${new URL(l.url).pathname} failing audits: ${failing.map(([id, f]) => `${id} (${f.runs}/${l.runs.length})`).join(', ')}`
			);
		}
	}
}

if (scroll.length) {
	section(
		'Scrolling / top to bottom with the mouse wheel (1280 × 800, motion on unless said)',
		table(
			[
				'CPU',
				'frames',
				'>20 ms',
				'per 100',
				'median',
				'p95',
				'max',
				'long tasks',
				'longest',
				'steps',
				'pace'
			],
			scroll.map((s) => [
				`${s.cpuThrottling}×${s.scriptsBlocked ? ', no scripts' : ''}${s.reducedMotion ? ', reduced motion' : ''}`,
				String(s.frames.n),
				String(s.frames.over20),
				String(s.frames.over20Per100),
				ms(s.frames.median),
				ms(s.frames.p95),
				ms(s.frames.max),
				String(s.longTasks.count),
				s.longTasks.count ? ms(s.longTasks.maxMs) : '—',
				`${s.stepsSeen}/${s.stepsTotal}`,
				`${s.pace.achievedPxPerS} px/s${s.reachedBottom ? '' : ' (stopped early)'}`
			])
		) +
			'\n' +
			(scroll.some((s) => s.reducedMotion)
				? '  reduced motion: the same scroll with prefers-reduced-motion: reduce: the figure changes at each step without moving, so this is everything but the transitions\n'
				: '') +
			(scroll.some((s) => s.scriptsBlocked)
				? "  no scripts: the same scroll with the essay's scripts blocked (its layout, a figure that never changes): this machine's floor\n"
				: '') +
			scroll
				.filter((s) => !s.scriptsBlocked)
				.map(
					(s) =>
						`  idle for 3 s first, ${s.cpuThrottling}× CPU${s.reducedMotion ? ', reduced motion' : ''}: ${s.idle.frames.over20} of ${s.idle.frames.n} frames > 20 ms, ${s.idle.longTasks} long tasks; ${s.warmedUp ? 'the figure had warmed up' : 'the figure was still warming up after 20 s'}`
				)
				.join('\n') +
			scroll
				.filter((s) => !s.scriptsBlocked && s.slowByStep.length > 0)
				.map(
					(s) =>
						`\n  frames > 20 ms by the step shown, ${s.cpuThrottling}× CPU${s.reducedMotion ? ', reduced motion' : ''} (${s.slowByStep.length} steps): ` +
						s.slowByStep.map((b) => `${b.step} ${b.frames}`).join(', ')
				)
				.join('')
	);
}

if (engine) {
	section(
		`Engine forward pass in Node (d_model ${shape.dModel}, d_k ${shape.dK}, d_v ${shape.dV}; causal; medians)`,
		table(
			['tokens', 'runs', 'one head', 'p95', `all ${shape.heads} heads`, 'p95'],
			engine.map((r) => [
				String(r.tokens),
				String(r.reps),
				ms(r.oneHead.median),
				ms(r.oneHead.p95),
				ms(r.allHeads.median),
				ms(r.allHeads.p95)
			])
		)
	);
}

if (tryNode || tryBrowser) {
	const lines: string[] = [];
	if (tryNode) {
		lines.push(
			`Node, recompute only: ${tryNode.label}: median ${ms(tryNode.time.median)}, p95 ${ms(tryNode.time.p95)}`
		);
	}
	for (const t of tryEssay) {
		if (!t.found) {
			lines.push(
				`Essay (${t.cpuThrottling}× CPU): no try-it on / in this build${t.error ? ` (${t.error})` : ''}`
			);
			continue;
		}
		if (t.skipped.length) {
			lines.push(`(stages skipped, past the time budget: ${t.skipped.join(', ')})`);
		}
		lines.push(
			`Essay ${t.url}, the "${t.chapter}" try-it, ${t.cpuThrottling}× CPU: input event → layout, and → frame drawn (main thread, incl. paint); idle frame ${t.idle ? ms(t.idle.toFrame.median) : '—'}${t.error ? `; error: ${t.error}` : ''}`,
			table(
				['stage', 'change', 'runs', 'to layout', 'p95', 'to frame', 'p95', 'max'],
				t.cases.map((c) => [
					c.stage,
					c.change,
					String(c.toFrame.n),
					ms(c.toLayout.median),
					ms(c.toLayout.p95),
					ms(c.toFrame.median),
					ms(c.toFrame.p95),
					ms(c.toFrame.max)
				])
			),
			t.settled
				? `Settled, after the stages: an idle frame ${ms(t.settled.idle.toFrame.median)}; a frame in which one number of the try-it is changed by hand, no script of the page's, ${ms(t.settled.oneNumber.toFrame.median)} (p95 ${ms(t.settled.oneNumber.toFrame.p95)}): what any frame that changes something costs here`
				: '(no settled calibration: past the time budget)',
			''
		);
	}
	if (tryBrowser) {
		lines.push(
			`Chromium (${tryBrowser.mode === 'tryit' ? 'the try-it components' : 'the essay Figure, no try-it yet'}), per change: recompute + Svelte DOM update + style/layout (no paint); page built in ${ms(tryPageBuildMs ?? NaN)}`
		);
		if (tryBrowser.error) lines.push(`error: ${tryBrowser.error}`);
		lines.push(
			table(
				['stage', 'change', 'components', 'runs', 'total', 'p95', 'recompute', 'DOM', 'layout'],
				tryBrowser.cases.map((c) => [
					c.name,
					c.change,
					c.components.join('+'),
					String(c.total.n),
					ms(c.total.median),
					ms(c.total.p95),
					ms(c.recompute.median),
					ms(c.dom.median),
					ms(c.layout.median)
				])
			)
		);
	}
	section('Try-it: a 24-word sentence', lines.join('\n'));
}

if (context.length) {
	const rows: string[][] = [];
	for (const c of context) {
		for (const r of c.rows) {
			rows.push([
				`${c.cpuThrottling}×`,
				r.tokens.toLocaleString('en'),
				`${ms(r.draw.open.median)} / ${ms(r.draw.open.p95)}`,
				`${ms(r.draw.causal.median)} / ${ms(r.draw.causal.p95)}`,
				r.slider ? ms(r.slider.median) : 'no control',
				r.slider ? ms(r.slider.p95) : '',
				r.slider ? ms(r.slider.max) : '',
				r.slider ? String(r.slider.over20Per100) : ''
			]);
		}
	}
	const errors = context
		.filter((c) => c.error)
		.map((c) => `${c.cpuThrottling}× CPU: error: ${c.error?.split('\n')[0]}`);
	const c0 = context[0];
	section(
		`Context-length figure (${c0?.url}, canvas ${c0?.canvasPixels} px at DPR ${c0?.devicePixelRatio})`,
		table(
			[
				'CPU',
				'tokens',
				'draw (median / p95)',
				'causal draw',
				'slider frame',
				'p95',
				'max',
				'>20 ms/100'
			],
			rows
		) + (errors.length ? `\n${errors.join('\n')}` : '')
	);
}

section(
	'Targets',
	table(
		['target', 'measured', 'verdict'],
		targets.map((t) => [t.target, t.measured, t.met === null ? '—' : t.met ? 'met' : 'MISSED']),
		['l', 'l', 'l']
	)
);
out.push('\nWritten to bench-results/latest.json');
console.log(out.join('\n'));
