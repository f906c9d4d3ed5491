// Parses one content file (front matter, step directives, math, inline roles) into typed data and HTML.
//
//   source ──remark-parse + frontmatter + directive + math──▶ mdast
//     ├─ yaml node        ──▶ front matter (validated by the caller)
//     ├─ before 1st step  ──▶ intro HTML
//     └─ :::step{#id …}   ──▶ { id, attributes, line, html, summary }
//   math nodes ──MathJax──▶ SVG html nodes; :q[] :k[] :v[] ──▶ role spans; :num{} ──▶ engine numbers
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Html, Text } from 'mdast';
import type {} from 'mdast-util-directive';
import type {} from 'mdast-util-math';
import { ContentError } from './errors.ts';
import { renderTex, TexError } from './math.ts';
import { formatNumber, NUMBER_KEYS } from './numbers.ts';

/** Inline roles writers can colour words with: `:q[dog]`, `:k[hot]`, `:v[value]`. */
const ROLE_CLASSES: Record<string, string> = { q: 'role-q', k: 'role-k', v: 'role-v' };

/** A step as written, before its state is validated. */
export interface RawStep {
	id: string | undefined;
	attributes: Record<string, string>;
	line: number;
	html: string;
	summary: string;
}

/** A parsed content file. */
export interface ParsedFile {
	frontMatter: string | undefined;
	/** Line of the first line inside the front matter (after `---`). */
	frontMatterLine: number;
	intro: string;
	steps: RawStep[];
}

const parser = unified()
	.use(remarkParse)
	.use(remarkFrontmatter, ['yaml'])
	.use(remarkDirective)
	.use(remarkMath);
const toHtml = unified()
	.use(remarkRehype, { allowDangerousHtml: true })
	.use(rehypeStringify, { allowDangerousHtml: true });

function lineOf(node: { position?: { start: { line: number } } }): number | undefined {
	return node.position?.start.line;
}

/** Replace math, inline roles, numbers and notes in a tree, in place. */
function transform(tree: Root, file: string): void {
	visit(tree, (node, index, parent) => {
		if (!parent || index === undefined) return;
		const line = lineOf(node);
		if (node.type === 'inlineMath' || node.type === 'math') {
			let svg: string;
			try {
				svg = renderTex(node.value, node.type === 'math');
			} catch (e) {
				const why = e instanceof TexError ? e.message : String(e);
				throw new ContentError(file, line, `the formula "${node.value}" is not valid TeX: ${why}`);
			}
			const html: Html = {
				type: 'html',
				value: node.type === 'math' ? `<div class="math-display">${svg}</div>` : svg
			};
			parent.children.splice(index, 1, html as never);
			return SKIP;
		}
		if (node.type === 'textDirective') {
			if (ROLE_CLASSES[node.name]) {
				node.data = { hName: 'span', hProperties: { className: [ROLE_CLASSES[node.name]] } };
				return;
			}
			if (node.name === 'num') {
				const key = node.attributes?.of ?? '';
				const format = node.attributes?.format ?? 'exact';
				if (!NUMBER_KEYS.includes(key)) {
					throw new ContentError(
						file,
						line,
						`:num needs of="…" naming a number the engine computes; use one of: ${NUMBER_KEYS.join(', ')}`
					);
				}
				if (format !== 'exact' && format !== 'short') {
					throw new ContentError(
						file,
						line,
						`:num format must be "exact" or "short" (got "${format}")`
					);
				}
				const text: Text = { type: 'text', value: formatNumber(key, format) };
				parent.children.splice(index, 1, text as never);
				return SKIP;
			}
			throw new ContentError(
				file,
				line,
				`unknown inline directive ":${node.name}". Use :q[…], :k[…], :v[…] or :num{of="…"}; to write a literal colon before a letter, escape it as \\:`
			);
		}
		if (node.type === 'containerDirective') {
			if (node.name === 'note') {
				node.data = { hName: 'aside', hProperties: { className: ['note'] } };
				return;
			}
			const where =
				node.name === 'step'
					? 'a :::step cannot contain another step'
					: `unknown block ":::${node.name}". Inside a step use :::note for a margin note`;
			throw new ContentError(file, line, where);
		}
		if (node.type === 'leafDirective') {
			throw new ContentError(file, line, `unknown directive "::${node.name}"`);
		}
	});
}

function render(children: RootContent[], file: string): string {
	const root: Root = { type: 'root', children };
	transform(root, file);
	const hast = toHtml.runSync(root as never);
	return String(toHtml.stringify(hast as never)).trim();
}

/** The first sentence of a step's text, without TeX markup, for captions and previews. */
function summarise(children: RootContent[]): string {
	const parts: string[] = [];
	for (const child of children) {
		if (child.type === 'containerDirective') continue;
		if (child.type === 'math') continue;
		visit(child, (n) => {
			if (n.type === 'text' || n.type === 'inlineCode') parts.push(n.value);
			if (n.type === 'inlineMath') parts.push(cleanTex(n.value));
			if (n.type === 'textDirective' && n.name === 'num') {
				const key = n.attributes?.of ?? '';
				if (NUMBER_KEYS.includes(key))
					parts.push(formatNumber(key, n.attributes?.format ?? 'exact'));
			}
		});
		if (parts.join('').length > 40) break;
		parts.push(' ');
	}
	const text = parts.join('').replace(/\s+/g, ' ').trim();
	const first = text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text;
	return first.length > 200 ? `${first.slice(0, 197).trimEnd()}…` : first;
}

/** Unicode's subscript letters and digits: `d_k` reads as dₖ in plain text (titles, previews). */
const SUBSCRIPTS: Record<string, string> = Object.fromEntries(
	[...'0123456789aehijklmnoprstuvx'].map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i]])
);

/** `x_k` as xₖ when every character of the subscript has a Unicode form; else `x_K` as written. */
function subscript(_: string, sub: string): string {
	const chars = [...sub];
	return chars.every((c) => c in SUBSCRIPTS) ? chars.map((c) => SUBSCRIPTS[c]).join('') : `_${sub}`;
}

/** TeX symbols with a character of their own: `\Delta\mathbf{e}` reads as Δe, not "Deltae". */
const SYMBOLS: Record<string, string> = {
	Delta: 'Δ',
	Sigma: 'Σ',
	alpha: 'α',
	beta: 'β',
	epsilon: 'ε',
	theta: 'θ',
	lambda: 'λ',
	mu: 'μ',
	pi: 'π',
	sigma: 'σ',
	le: '≤',
	leq: '≤',
	ge: '≥',
	geq: '≥',
	approx: '≈',
	ne: '≠',
	in: '∈',
	to: '→',
	rightarrow: '→',
	ldots: '…',
	cdots: '⋯'
};

function cleanTex(tex: string): string {
	let text = tex.replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (whole, name: string) =>
		Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name] : whole
	);
	// Unwrap one-argument commands from the inside out: \val{\mathbf{v}} → \val{v} → v.
	for (let i = 0; i < 5; i++) {
		const next = text.replace(
			/\\(?:qry|key|val|text|mathbf|mathrm|operatorname|boldsymbol)\{([^{}]*)\}/g,
			'$1'
		);
		if (next === text) break;
		text = next;
	}
	return text
		.replace(/\\sqrt\{([^{}]*)\}/g, '√$1')
		.replace(/\\(?:,|;|!|quad|qquad)/g, ' ')
		.replace(/\\cdot/g, '·')
		.replace(/\\times/g, '×')
		.replace(/\\top/g, 'ᵀ')
		.replace(/\\infty/g, '∞')
		.replace(/_\{([^{}]*)\}/g, subscript)
		.replace(/_([A-Za-z0-9])/g, subscript)
		.replace(/[{}\\]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Parse one content file into front matter, intro HTML and raw steps.
 * @throws ContentError naming file and line for anything a writer got wrong.
 */
export function parseFile(source: string, file: string): ParsedFile {
	const tree = parser.parse(source) as Root;
	let frontMatter: string | undefined;
	let frontMatterLine = 2;
	const intro: RootContent[] = [];
	const steps: RawStep[] = [];
	for (const node of tree.children) {
		if (node.type === 'yaml') {
			frontMatter = node.value;
			frontMatterLine = (lineOf(node) ?? 1) + 1;
			continue;
		}
		if (node.type === 'containerDirective' && node.name === 'step') {
			const line = lineOf(node) ?? 1;
			const { id, ...attributes } = (node.attributes ?? {}) as Record<string, string>;
			const children = node.children.filter(
				(c) => !(c.type === 'paragraph' && c.data && 'directiveLabel' in c.data)
			);
			if (children.length === 0 || toString({ type: 'root', children }).trim() === '') {
				throw new ContentError(
					file,
					line,
					`step "${id ?? ''}" has no prose: write a few sentences inside it`
				);
			}
			const summary = summarise(children);
			steps.push({ id, attributes, line, summary, html: render(children, file) });
			continue;
		}
		if (steps.length > 0) {
			throw new ContentError(
				file,
				lineOf(node),
				'text after the first step must be inside a :::step block (close each step with ::: on its own line)'
			);
		}
		intro.push(node);
	}
	return { frontMatter, frontMatterLine, intro: render(intro, file), steps };
}
