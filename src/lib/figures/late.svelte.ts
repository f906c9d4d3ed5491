// Text that waits for its inputs to stop changing: a figure's description, which a drag in the
// try-it would otherwise rewrite in every frame.
//
//   inputs() change ──▶ $effect: same objects as described? ──yes──▶ nothing
//                                       │no
//                                       ▼
//                    after `ms` with no other change ──▶ current = compute()

/** How long the try-it's descriptions wait for a drag or typing to stop, in milliseconds. */
export const DESCRIBE_AFTER = 250;

/**
 * A string that follows `compute()` once `inputs()` (compared by identity, one by one) have not
 * changed for `ms` milliseconds. The first value is computed at once, so the server and the first
 * render have it. Nothing is computed while the inputs keep changing. Create it during component
 * initialisation.
 */
export class LateText {
	/** The text to show. */
	current = $state('');

	constructor(inputs: () => unknown[], compute: () => string, ms: number) {
		this.current = compute();
		let described = inputs();
		$effect(() => {
			const next = inputs();
			if (next.length === described.length && next.every((x, i) => x === described[i])) return;
			const timer = setTimeout(() => {
				described = next;
				this.current = compute();
			}, ms);
			return () => clearTimeout(timer);
		});
	}
}
