// Try-it timing on the built essay itself: type a 24-word sentence or move a query slider, until the frame is drawn.
import type { Browser } from 'playwright';
import { newContext, summarise, type Summary } from './util.ts';

export interface TryItEssayCase {
	stage: string;
	change: 'sentence' | 'query slider';
	/** Input event → Svelte's update → style and layout forced, ms. */
	toLayout: Summary;
	/** Input event (inside a frame) → that frame's style, layout and paint done on the main thread, ms. */
	toFrame: Summary;
}

export interface TryItEssay {
	found: boolean;
	url: string;
	chapter: string;
	cpuThrottling: number;
	/** The same measurement with no change: the cost of an idle frame, for calibration. */
	idle: { toLayout: Summary; toFrame: Summary } | null;
	/**
	 * Calibration once every stage has been timed and the page has settled: an idle frame again,
	 * and a frame in which one number of the try-it (its word count) is changed by hand, with no
	 * script of the page's: what any frame that changes something costs on this machine.
	 */
	settled: {
		idle: { toLayout: Summary; toFrame: Summary };
		oneNumber: { toLayout: Summary; toFrame: Summary };
	} | null;
	cases: TryItEssayCase[];
	/** Stages left out when the whole measurement ran past its time budget. */
	skipped: string[];
	/** Slowest case's median, input to drawn frame. */
	worstMedian: number;
	error?: string;
}

interface Timer {
	(apply: string, value: string): Promise<[number, number]>;
}

/**
 * On `/` (desktop, motion allowed), for the first chapter's try-it and each of its stages: replace
 * the sentence with one of two 24-word sentences that differ in a word (alternately), and move the
 * first query slider, timing each change twice: to a forced layout, and to the end of the frame it
 * was made in (a change made in a requestAnimationFrame callback is drawn in that frame; a message
 * posted then runs once the frame's main-thread work is done). An idle frame is timed first, and
 * once the stages are done, an idle frame again and a frame that changes one number by hand.
 */
export async function tryItEssay(
	browser: Browser,
	origin: string,
	texts: [string, string],
	cpuThrottling = 1,
	reps = 40,
	totalBudgetMs = 240_000
): Promise<TryItEssay> {
	const context = await newContext(browser, {
		viewport: { width: 1280, height: 800 },
		reducedMotion: 'no-preference'
	});
	const page = await context.newPage();
	const result: TryItEssay = {
		found: false,
		url: '/',
		chapter: '',
		cpuThrottling,
		idle: null,
		settled: null,
		cases: [],
		skipped: [],
		worstMedian: NaN
	};
	try {
		await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
		// The essay's try-its are live-only (their prerendered copy is in <noscript>): scroll to the
		// first one's place and wait for it to arrive.
		const slot = page.locator('.tryit-slot').first();
		if ((await slot.count()) === 0) return result;
		await slot.scrollIntoViewIfNeeded();
		const section = page.locator('[data-tryit][data-ready="true"]').first();
		try {
			await section.waitFor({ timeout: 15_000 });
		} catch {
			return result;
		}
		if ((await section.locator('.tryit-input').count()) === 0) return result;
		result.found = true;
		result.chapter = (await section.getAttribute('data-tryit')) ?? '';
		await section.scrollIntoViewIfNeeded();
		await page.evaluate(() => {
			const w = window as unknown as { __timeChange: Timer };
			const frame = () => new Promise((done) => requestAnimationFrame(done));
			const afterFrame = () =>
				new Promise<void>((done) => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => done();
					channel.port2.postMessage(0);
				});
			w.__timeChange = async (apply, value) => {
				const root = document.querySelector('[data-tryit]')!;
				await frame();
				const t0 = performance.now();
				if (apply === 'number') {
					root.querySelector('.tryit-count .tryit-num')!.textContent = value;
				} else if (apply !== 'none') {
					const input = root.querySelector<HTMLInputElement>(
						apply === 'sentence' ? '.tryit-input' : '.tryit-sliders input[type="range"]'
					)!;
					input.value = value;
					input.dispatchEvent(new Event('input', { bubbles: true }));
				}
				await Promise.resolve();
				void document.body.offsetHeight;
				const t1 = performance.now();
				await afterFrame();
				const t2 = performance.now();
				return [t1 - t0, t2 - t0];
			};
		});
		if (cpuThrottling > 1) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
		}
		const deadline = Date.now() + totalBudgetMs;
		/** Up to `reps` timed changes after 5 untimed ones, within ~15 s (at least 3 timed). */
		const time = async (apply: string, values: string[]) => {
			const out: [number, number][] = [];
			const stop = Date.now() + 15_000 * Math.min(2, cpuThrottling);
			for (let i = 0; i < reps + 5; i++) {
				const r = await page.evaluate(
					([a, v]) => (window as unknown as { __timeChange: Timer }).__timeChange(a, v),
					[apply, values[i % values.length]] as const
				);
				if (i >= 5 || Date.now() > stop) out.push(r);
				if (Date.now() > stop && out.length >= 3) break;
			}
			return {
				toLayout: summarise(out.map((r) => r[0])),
				toFrame: summarise(out.map((r) => r[1]))
			};
		};
		result.idle = await time('none', ['']);
		const stages = await section
			.locator('input[type="radio"]')
			.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		for (const stage of stages) {
			if (Date.now() > deadline) {
				result.skipped.push(stage);
				continue;
			}
			// A scripted click, as Playwright's check() can wait forever on these radios.
			await section
				.locator(`input[type="radio"][value="${stage}"]`)
				.evaluate((e) => (e as HTMLInputElement).click());
			// Put the 24-word sentence in and let the stage's transition finish.
			await section.locator('.tryit-input').fill(texts[0]);
			await page.waitForTimeout(800);
			result.cases.push({
				stage,
				change: 'sentence',
				...(await time('sentence', [texts[1], texts[0]]))
			});
			const slider = section.locator('.tryit-sliders input[type="range"]').first();
			if ((await slider.count()) > 0) {
				const [min, max] = await slider.evaluate((e) => [
					Number((e as HTMLInputElement).min),
					Number((e as HTMLInputElement).max)
				]);
				const a = String(min + (max - min) * 0.4);
				const b = String(min + (max - min) * 0.6);
				result.cases.push({ stage, change: 'query slider', ...(await time('query', [a, b])) });
			}
		}
		if (Date.now() < deadline) {
			await page.waitForTimeout(800);
			result.settled = {
				idle: await time('none', ['']),
				oneNumber: await time('number', ['23', '24'])
			};
		}
		result.worstMedian = Math.max(...result.cases.map((c) => c.toFrame.median));
		return result;
	} catch (error) {
		return { ...result, error: String(error) };
	} finally {
		await context.close();
	}
}
