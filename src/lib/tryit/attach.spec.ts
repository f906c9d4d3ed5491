// Tests that a try-it's static copy goes into the page in parts, in order, and stops when it should.
import { describe, expect, it } from 'vitest';
import { appendInParts } from './attach.ts';

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
