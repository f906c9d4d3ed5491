// Scroll smoothness: wheel through the whole essay at a steady pace while recording rAF intervals and long tasks.
import type { Browser } from 'playwright';
import { frameStats, newContext, round, sleep, type FrameStats } from './util.ts';

export interface ScrollResult {
	cpuThrottling: number;
	/**
	 * The essay's own scripts were blocked (its module never loads; the inline script in <head>
	 * still runs, so the page has its scripted layout): the same scroll with nothing of ours
	 * running, i.e. what this machine costs for the page alone. The figure then never changes.
	 */
	scriptsBlocked: boolean;
	viewport: { width: number; height: number };
	/** Wheel step and the interval the loop aimed for. */
	pace: { pixels: number; everyMs: number; achievedPxPerS: number };
	durationMs: number;
	scrolledPx: number;
	reachedBottom: boolean;
	reducedMotion: boolean;
	/** Distinct figure steps shown while scrolling, and how many the essay has. */
	stepsSeen: number;
	stepsTotal: number;
	/**
	 * The live figure had finished warming up (src/lib/figures/warm.ts) before the scroll began;
	 * false if it was still at it after 20 s (always false with the scripts blocked).
	 */
	warmedUp: boolean;
	frames: FrameStats;
	/** 3 s of the same recording before scrolling, with nothing happening: the floor. */
	idle: { frames: FrameStats; longTasks: number };
	longTasks: { count: number; over50: number; maxMs: number; totalMs: number };
	/** Frames over 20 ms by the figure's step when each ended, most first (see slowByStep). */
	slowByStep: { step: string; frames: number }[];
}

/**
 * Frames over 20 ms counted by the step the figure showed when each ended (a step change's slow
 * frames fall under the step it changed to), most first, ties in the order the scroll met them.
 * Frames with no step (the prerendered figure, or none) count under "—".
 */
export function slowByStep(
	frames: number[],
	steps: (string | null)[]
): { step: string; frames: number }[] {
	const counts = new Map<string, number>();
	frames.forEach((d, i) => {
		if (d <= 20) return;
		const step = steps[i] ?? '—';
		counts.set(step, (counts.get(step) ?? 0) + 1);
	});
	return [...counts].map(([step, n]) => ({ step, frames: n })).sort((a, b) => b.frames - a.frames);
}

/** Which of a bench's scrolls: the one the targets are about, the floor, or the still figure. */
export type ScrollKind = 'motion' | 'scripts blocked' | 'reduced motion';

/** Which kind of scroll a run is (a run with its scripts blocked has no motion to reduce). */
export function scrollKind(
	run: Pick<ScrollResult, 'scriptsBlocked' | 'reducedMotion'>
): ScrollKind {
	return run.scriptsBlocked ? 'scripts blocked' : run.reducedMotion ? 'reduced motion' : 'motion';
}

/**
 * The scroll of `kind` at `cpu`× CPU among `runs`, if it ran. The targets are read from the
 * 'motion' run only: the others are the same scroll with less of the page at work.
 */
export function findScroll<
	Run extends Pick<ScrollResult, 'cpuThrottling' | 'scriptsBlocked' | 'reducedMotion'>
>(runs: Run[], cpu: number, kind: ScrollKind): Run | undefined {
	return runs.find((s) => s.cpuThrottling === cpu && scrollKind(s) === kind);
}

interface Recorder {
	frames: number[];
	/** The figure's step at the end of each frame in `frames`. */
	frameSteps: (string | null)[];
	longTasks: number[];
	steps: string[];
	recording: boolean;
}

/**
 * Open `/`, then scroll to the bottom with the mouse wheel, `pixels` every `everyMs`, recording
 * every requestAnimationFrame interval and every long task, with motion allowed (so each step's
 * transition animates) unless `reducedMotion`. `cpuThrottling` > 1 slows the page's CPU through
 * CDP.
 */
export async function scrollEssay(
	browser: Browser,
	origin: string,
	options: {
		cpuThrottling: number;
		pixels?: number;
		everyMs?: number;
		maxMs?: number;
		blockScripts?: boolean;
		/**
		 * Ask for prefers-reduced-motion: reduce, so each step's figure jumps to its new state
		 * instead of moving there: the same scroll with everything but the transitions.
		 */
		reducedMotion?: boolean;
	}
): Promise<ScrollResult> {
	const blockScripts = options.blockScripts ?? false;
	const pixels = options.pixels ?? 100;
	const everyMs = options.everyMs ?? 16;
	const viewport = { width: 1280, height: 800 };
	const context = await newContext(browser, {
		viewport,
		reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference'
	});
	const page = await context.newPage();
	try {
		if (blockScripts) await page.route(/\.m?js(\?.*)?$/, (route) => route.abort());
		await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
		const cdp = await context.newCDPSession(page);
		if (options.cpuThrottling > 1) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottling });
		}
		const info = await page.evaluate(() => {
			const w = window as unknown as { __bench: Recorder };
			const rec: Recorder = {
				frames: [],
				frameSteps: [],
				longTasks: [],
				steps: [],
				recording: false
			};
			w.__bench = rec;
			let last = 0;
			// The figure element may be replaced (prerendered, then live), so look it up each frame.
			const step = () =>
				document.querySelector('.figure-pane [data-step]')?.getAttribute('data-step') ?? null;
			const loop = (t: number) => {
				if (rec.recording) {
					const id = step();
					if (last > 0) {
						rec.frames.push(t - last);
						rec.frameSteps.push(id);
					}
					if (id && !rec.steps.includes(id)) rec.steps.push(id);
				}
				last = t;
				requestAnimationFrame(loop);
			};
			// Started after the warm-up (below): a frame requested every frame leaves no idle period
			// of warm.ts's IDLE_MS, so with the loop running from here the warm-up never ran.
			(w as unknown as { __benchStart: () => void }).__benchStart = () =>
				requestAnimationFrame(loop);
			new PerformanceObserver((list) => {
				if (!rec.recording) return;
				for (const e of list.getEntries()) rec.longTasks.push(e.duration);
			}).observe({ type: 'longtask' });
			return {
				reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
				stepsTotal: document.querySelectorAll('.step').length
			};
		});
		// Moving the mouse wakes the live figure, which then warms up while the page is idle
		// (src/lib/figures/warm.ts); measure the scroll of a settled page, as a reader who paused
		// before scrolling would have.
		await page.mouse.move(viewport.width / 2, viewport.height / 2);
		const warmedUp =
			!blockScripts &&
			(await page
				.locator('.figure-live[data-warm="done"]')
				.waitFor({ state: 'attached', timeout: 20_000 })
				.then(
					() => true,
					() => false
				));
		await page.evaluate(() => (window as unknown as { __benchStart: () => void }).__benchStart());
		await sleep(1000);
		// Calibration: the same recording for 3 s with nothing happening.
		await page.evaluate(() => {
			(window as unknown as { __bench: Recorder }).__bench.recording = true;
		});
		await sleep(3000);
		const idle = await page.evaluate(() => {
			const r = (window as unknown as { __bench: Recorder }).__bench;
			r.recording = false;
			const out = { frames: r.frames, longTasks: r.longTasks.length };
			r.frames = [];
			r.frameSteps = [];
			r.longTasks = [];
			r.steps = [];
			return out;
		});
		await page.evaluate(() => {
			(window as unknown as { __bench: Recorder }).__bench.recording = true;
		});
		const maxMs = options.maxMs ?? 240_000;
		const start = Date.now();
		let reachedBottom = false;
		for (let i = 1; Date.now() - start < maxMs; i++) {
			await page.mouse.wheel(0, pixels);
			if (i % 10 === 0) {
				const atEnd = await page.evaluate(
					() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
				);
				if (atEnd) {
					reachedBottom = true;
					break;
				}
			}
			const wait = start + i * everyMs - Date.now();
			if (wait > 0) await sleep(wait);
		}
		const durationMs = Date.now() - start;
		// Let the last transition finish inside the recording.
		await sleep(1000);
		const rec = await page.evaluate(() => {
			const r = (window as unknown as { __bench: Recorder }).__bench;
			r.recording = false;
			return { ...r, scrollY: window.scrollY };
		});
		if (options.cpuThrottling > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		return {
			cpuThrottling: options.cpuThrottling,
			scriptsBlocked: blockScripts,
			viewport,
			pace: {
				pixels,
				everyMs,
				achievedPxPerS: round((rec.scrollY / durationMs) * 1000, 0)
			},
			durationMs,
			scrolledPx: Math.round(rec.scrollY),
			reachedBottom,
			reducedMotion: info.reducedMotion,
			stepsSeen: new Set(rec.steps).size,
			stepsTotal: info.stepsTotal,
			warmedUp,
			frames: frameStats(rec.frames),
			idle: { frames: frameStats(idle.frames), longTasks: idle.longTasks },
			longTasks: {
				count: rec.longTasks.length,
				over50: rec.longTasks.filter((d) => d > 50).length,
				maxMs: round(rec.longTasks.length ? Math.max(...rec.longTasks) : 0, 1),
				totalMs: round(
					rec.longTasks.reduce((a, b) => a + b, 0),
					1
				)
			},
			slowByStep: slowByStep(rec.frames, rec.frameSteps)
		};
	} finally {
		await context.close();
	}
}
