// What the step toolbars do (StepTools.svelte is their markup). One click handler on the chapters
// serves every step: the toolbars are static HTML (essay-client/controller.ts wires the handler).
import { base } from '$lib/base';
import { stepPath } from '$lib/essay';
import { absoluteUrl } from '$lib/site';

/** The step a toolbar belongs to, as its markup declares it. */
export interface ToolStep {
	chapter: string;
	step: string;
	title: string;
}

/** How long "Link copied" stays before the status clears. */
export const STATUS_MS = 4000;

const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/** Show `text` in the toolbar's status (a live region), cleared after STATUS_MS. */
function say(status: Element | null, text: string) {
	if (!status) return;
	status.textContent = text;
	clearTimeout(timers.get(status));
	timers.set(
		status,
		setTimeout(() => (status.textContent = ''), STATUS_MS)
	);
}

/**
 * Handle a click anywhere in the chapters. "Copy link" copies the step's absolute URL (or, if the
 * clipboard is refused, shows it to copy by hand); "Embed" calls `embed` with the step and the
 * button. Other clicks are left alone. Returns whether the click was a toolbar action.
 */
export function onToolClick(
	event: MouseEvent,
	embed: (step: ToolStep, opener: HTMLButtonElement) => void
): boolean {
	const tool = (event.target as Element | null)?.closest?.<HTMLElement>('[data-tool]');
	const bar = tool?.closest<HTMLElement>('.step-tools');
	if (!tool || !bar) return false;
	const { chapter = '', step = '', title = '' } = bar.dataset;
	if (tool.dataset.tool === 'copy') {
		// A modified click (new tab, new window) keeps its usual meaning: the link is a real link.
		if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0)
			return false;
		event.preventDefault();
		const url = absoluteUrl(base, stepPath(chapter, step));
		const status = bar.querySelector('.tool-status');
		// No clipboard at all (an insecure context) counts as refused.
		Promise.resolve()
			.then(() => navigator.clipboard.writeText(url))
			.then(
				() => say(status, 'Link copied'),
				() => say(status, `Copy this link: ${url}`)
			);
		return true;
	}
	if (tool.dataset.tool === 'embed') {
		embed({ chapter, step, title }, tool as HTMLButtonElement);
		return true;
	}
	return false;
}
