// Warming the live figure up: while the reader is not scrolling, each kind of drawing the figure
// will need is drawn once, out of sight, and thrown away, and every step's props are computed.
//
//   live figure mounted ──idle──▶ props of every step (cached)
//                       ──idle──▶ mount one kind, hidden ──idle──▶ lay it out, drop it
//                       ──idle──▶ the next kind … ──idle──▶ the first try-it's copy, laid out
//
// The first time a browser runs a component it compiles its code and parses its markup template,
// and the first layout of its text makes the font sizes it needs; later mounts reuse all three.
// Without this, the first step of each kind (the first grid, the first query/key columns, the
// first readout…) paid that in the frame its step arrived in, and those were the frames over
// budget at normal CPU speed. Nothing here changes what the reader sees.
import type { FigureState } from '../manifest.ts';
import type { EssayData } from '../essay.ts';

/**
 * What decides which components a step's figure mounts: the stage picks the view; an update shows
 * the readout panel, the inset or neither, and one or several compared sentences (the chain of
 * weighted values is drawn for one); a closing-section view draws its focus differently; the
 * causal mask and "every query at once" change what the grid and plane draw.
 */
export function drawingKind(state: FigureState): string {
	return [
		state.stage,
		state.readout ? 'readout' : '',
		state.attend ? 'attend' : '',
		state.compare.length > 1 ? 'compare' : '',
		state.causal ? 'causal' : '',
		state.query === null ? 'all' : '',
		state.focus ?? ''
	].join('|');
}

/** The first step of each kind of drawing, in reading order, leaving out the ones in `skip`. */
export function warmUpSteps(essay: Pick<EssayData, 'chapters'>, skip: string[] = []): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const chapter of essay.chapters) {
		for (const step of chapter.steps) {
			const kind = drawingKind(step.state);
			if (seen.has(kind)) continue;
			seen.add(kind);
			if (!skip.includes(step.id)) out.push(step.id);
		}
	}
	return out;
}

/** What `requestIdleCallback` passes its callback. */
export interface IdleDeadline {
	timeRemaining(): number;
	readonly didTimeout: boolean;
}

/** Schedules a callback for an idle period; returns a function that cancels it. */
export type IdleSchedule = (run: (deadline: IdleDeadline) => void) => () => void;

/**
 * Idle periods at least this long (ms) count as the page being idle; most gaps between a scroll's
 * frames are shorter (and runWhenIdle's `wait` covers a slow scroll's longer ones).
 */
export const IDLE_MS = 30;

/**
 * Run `jobs` in order in idle periods, as many in each as start with at least `idleMs` of it left
 * (a period shorter than that is passed over) and while `wait()` is false (the page is not
 * scrolling: a slow scroll leaves idle gaps longer than `idleMs` between its frames), then `done`.
 * A job that throws is reported on the console and the next ones still run: warming up is never
 * worth breaking the page for. Returns a function that stops whatever has not run yet.
 */
export function runWhenIdle(
	jobs: (() => void)[],
	schedule: IdleSchedule,
	{
		idleMs = IDLE_MS,
		wait = () => false,
		done
	}: { idleMs?: number; wait?: () => boolean; done?: () => void } = {}
): () => void {
	let next = 0;
	let cancel: (() => void) | null = null;
	const step = (deadline: IdleDeadline) => {
		cancel = null;
		while (next < jobs.length && !wait() && deadline.timeRemaining() >= idleMs) {
			try {
				jobs[next++]();
			} catch (error) {
				console.error('Warming up the figure:', error);
			}
		}
		if (next < jobs.length) cancel = schedule(step);
		else done?.();
	};
	if (jobs.length === 0) done?.();
	else cancel = schedule(step);
	return () => {
		cancel?.();
		cancel = null;
		next = jobs.length;
	};
}

/** The browser's idle callback, or none where it is missing (then nothing is warmed up). */
export function browserIdle(): IdleSchedule | null {
	if (typeof window === 'undefined' || typeof window.requestIdleCallback !== 'function') {
		return null;
	}
	return (run) => {
		const id = window.requestIdleCallback(run);
		return () => window.cancelIdleCallback(id);
	};
}
