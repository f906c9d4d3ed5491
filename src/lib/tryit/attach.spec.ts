// Tests that a try-it's static copy goes into the page in parts, in order, and stops when it should,
// and that before the reader's first move a try-it near the viewport waits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendInParts, attachTryIt } from './attach.ts';
import type { TryItProps } from './props.ts';

/** Just enough of a DOM node for appendInParts: elements (nodeType 1) and text (3). */
class FakeNode {
	childNodes: FakeNode[] = [];
	parentNode: FakeNode | null = null;
	connected = false;
	constructor(
		readonly name: string,
		readonly nodeType = 1
	) {}
	get firstChild() {
		return this.childNodes[0] ?? null;
	}
	get isConnected(): boolean {
		return this.connected || (this.parentNode?.isConnected ?? false);
	}
	appendChild(node: FakeNode) {
		node.parentNode?.childNodes.splice(node.parentNode.childNodes.indexOf(node), 1);
		node.parentNode = this;
		this.childNodes.push(node);
		return node;
	}
	cloneNode() {
		return new FakeNode(this.name, this.nodeType);
	}
	getElementsByTagName(): FakeNode[] {
		return this.childNodes.flatMap((c) =>
			c.nodeType === 1 ? [c, ...c.getElementsByTagName()] : []
		);
	}
	/** The tree as text, e.g. "a(b c(d))". */
	toString(): string {
		const kids = this.childNodes.map(String).join(' ');
		return kids ? `${this.name}(${kids})` : this.name;
	}
}

function el(name: string, ...children: FakeNode[]) {
	const node = new FakeNode(name);
	children.forEach((c) => node.appendChild(c));
	return node;
}
const text = (t: string) => new FakeNode(t, 3);

/** Run appendInParts to the end, returning what the page held after each frame. */
function frames(
	from: FakeNode,
	budget: number,
	into = Object.assign(el('box'), { connected: true })
) {
	const seen: string[] = [];
	const queue: (() => void)[] = [];
	appendInParts(into as unknown as Element, from as unknown as ParentNode, budget, (next) =>
		queue.push(next)
	);
	while (queue.length > 0) {
		queue.shift()!();
		seen.push(String(into));
		if (seen.length > 100) throw new Error('never finished');
	}
	return seen;
}

describe('appendInParts', () => {
	it('moves everything over, in order, and small parts share a frame', () => {
		const from = el('template', el('h'), text('~'), el('p'), el('q'));
		expect(frames(from, 10)).toEqual(['box(h ~ p q)']);
		expect(from.childNodes).toHaveLength(0);
	});

	it('puts in about a budget of elements per frame, splitting a part too big for one', () => {
		// section(controls(4 inputs) body(figure(6 cells) query(2)))
		const cells = Array.from({ length: 6 }, (_, i) => el(`c${i}`));
		const from = el(
			'template',
			el(
				'section',
				el('controls', el('i1'), el('i2'), el('i3'), el('i4')),
				el('body', el('figure', ...cells), el('query', el('s1'), el('s2')))
			)
		);
		const seen = frames(from, 5);
		expect(seen.at(-1)).toBe(
			'box(section(controls(i1 i2 i3 i4) body(figure(c0 c1 c2 c3 c4 c5) query(s1 s2))))'
		);
		expect(seen.length).toBeGreaterThan(2);
		// No frame adds more than the budget, except a single part that cannot be split.
		const count = (s: string) => s.split(/[ ()]+/).filter(Boolean).length;
		seen.forEach((s, i) => expect(count(s) - (i ? count(seen[i - 1]) : 1)).toBeLessThanOrEqual(5));
		// Parents always arrive before their children.
		expect(seen[0]).toMatch(/^box\(section/);
	});

	it('stops when the box leaves the page (the live copy took over)', () => {
		const into = Object.assign(el('box'), { connected: true });
		const from = el('template', ...Array.from({ length: 9 }, (_, i) => el(`p${i}`)));
		const queue: (() => void)[] = [];
		appendInParts(into as unknown as Element, from as unknown as ParentNode, 3, (next) =>
			queue.push(next)
		);
		queue.shift()!();
		expect(String(into)).toBe('box(p0 p1 p2)');
		into.connected = false;
		queue.shift()?.();
		expect(String(into)).toBe('box(p0 p1 p2)');
		expect(queue).toHaveLength(0);
	});
});

/**
 * attachTryIt on a stand-in slot, with the browser's globals stubbed: which of its observers are
 * watching, whether it parsed its static copy in (showStatic asks for the <noscript>), and whether
 * it waits for a pause to come alive (whenStill listens for scrolls on the window).
 */
function attached() {
	const observers: { callback: IntersectionObserverCallback; margin: string }[] = [];
	class FakeObserver {
		constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
			observers.push({ callback, margin: options?.rootMargin ?? '0px' });
		}
		observe() {}
		disconnect() {}
	}
	const asked: string[] = [];
	const slot = {
		querySelector: (selector: string) => {
			asked.push(selector);
			return selector === '.tryit-host' ? {} : null;
		},
		addEventListener() {},
		removeEventListener() {}
	};
	let scrollListeners = 0;
	vi.stubGlobal('IntersectionObserver', FakeObserver);
	vi.stubGlobal('location', { search: '' });
	vi.stubGlobal('window', {
		addEventListener: (type: string) => type === 'scroll' && scrollListeners++,
		removeEventListener: (type: string) => type === 'scroll' && scrollListeners--
	});
	let move = () => {};
	const moved = new Promise<void>((resolve) => (move = resolve));
	const props = { chapter: { slug: 'hot-dog' } } as unknown as TryItProps;
	const detach = attachTryIt(slot as unknown as HTMLElement, props, moved);
	/** Tell the observer with this root margin that the slot is (not) intersecting. */
	const report = (margin: string, isIntersecting: boolean) => {
		const found = observers.find((o) => o.margin === margin);
		if (!found) throw new Error(`no observer with margin ${margin}`);
		found.callback([{ isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);
	};
	return {
		near: (is = true) => report('100% 0px', is),
		inView: (is = true) => report('0px', is),
		move: async () => {
			move();
			await moved;
			await Promise.resolve();
		},
		shown: () => asked.filter((s) => s === '.tryit-static > noscript').length,
		waiting: () => scrollListeners,
		detach
	};
}

describe('attachTryIt', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('near the viewport before the reader moves: neither parses its copy in nor waits to wake', async () => {
		const t = attached();
		t.near();
		expect(t.shown()).toBe(0);
		expect(t.waiting()).toBe(0);
		// The first move: the copy goes in, and the pause it comes alive at is awaited.
		await t.move();
		expect(t.shown()).toBe(1);
		expect(t.waiting()).toBe(1);
		t.detach();
		expect(t.waiting()).toBe(0);
	});

	it('in view before the reader moves: shows its copy at once, and still waits for the move to wake', async () => {
		const t = attached();
		t.near();
		t.inView();
		expect(t.shown()).toBe(1);
		expect(t.waiting()).toBe(0);
		await t.move();
		expect(t.waiting()).toBe(1);
		t.detach();
	});

	it('after the move, coming near shows its copy and leaving stops the wait', async () => {
		const t = attached();
		await t.move();
		expect(t.shown()).toBe(0);
		t.near();
		expect(t.shown()).toBe(1);
		expect(t.waiting()).toBe(1);
		t.near(false);
		expect(t.waiting()).toBe(0);
		t.detach();
	});
});
