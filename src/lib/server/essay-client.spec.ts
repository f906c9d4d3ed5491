import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEssayClient } from './essay-client';

function record(text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'essay-client-')), 'essay-client.json');
	writeFileSync(path, text);
	return path;
}

describe('readEssayClient', () => {
	it('reads the file the client build recorded', () => {
		const path = record(JSON.stringify({ file: '_app/immutable/entry/essay.AbC-12_x.js' }));
		expect(readEssayClient(path)).toBe('_app/immutable/entry/essay.AbC-12_x.js');
	});

	it('names the record and the cause when the record is missing', () => {
		const path = join(tmpdir(), 'no-such-dir-essay', 'essay-client.json');
		expect(() => readEssayClient(path)).toThrow(/no-such-dir-essay\/essay-client\.json.*ENOENT/);
	});

	it('rejects a record that is not JSON', () => {
		const path = record('{ file: ');
		expect(() => readEssayClient(path)).toThrow(/was not recorded in .*essay-client\.json/);
	});

	it('rejects a record that names no script, or something that is not a plain path', () => {
		for (const file of [undefined, 42, 'essay.css', '"><script>alert(1)</script>.js']) {
			const path = record(JSON.stringify({ file }));
			expect(() => readEssayClient(path), String(file)).toThrow(/names no script file/);
		}
	});
});
