// The auto-height protocol: the messages an embed sends its host, and the requests it answers.
//
//   embed ──height──▶ parent: { sentinel: 'amp', type: 'embed-size', height }   (AMP-style hosts, /embed.js)
//                             "pymxPYMx<childId>xPYMxheightxPYMx<height>"       (pym.js parents)
//   parent ──▶ embed: { sentinel: 'attention-embed', type: 'height-request' }   (/embed.js, on load)
//                     "pymxPYMx<childId>xPYMxwidthxPYMx<width>"                 (pym.js)
//
// Both functions are self-contained (no outside references): the embed page inlines their source
// into its small script (see ./frame.ts), so the tested code is the code that runs.

/** The AMP-style resize request understood by amp-iframe and by this site's embed.js. */
export interface AmpEmbedSize {
	sentinel: 'amp';
	type: 'embed-size';
	height: number;
}

/**
 * Every message that announces `height` to a host: the AMP-style object, and the pym.js string when
 * the page was opened by pym.js (which passes `childId` in the query string).
 */
export function heightMessages(height: number, childId: string | null): (string | AmpEmbedSize)[] {
	const h = Math.max(0, Math.ceil(height));
	const messages: (string | AmpEmbedSize)[] = [{ sentinel: 'amp', type: 'embed-size', height: h }];
	if (childId) messages.push('pymxPYMx' + childId + 'xPYMxheightxPYMx' + h);
	return messages;
}

/** Whether a message from the host asks for the height again (embed.js's request, or pym's width). */
export function isHeightRequest(data: unknown, childId: string | null): boolean {
	if (typeof data === 'string') {
		return !!childId && data.indexOf('pymxPYMx' + childId + 'xPYMxwidthxPYMx') === 0;
	}
	if (!data || typeof data !== 'object') return false;
	const d = data as { sentinel?: unknown; type?: unknown };
	return d.sentinel === 'attention-embed' && d.type === 'height-request';
}
