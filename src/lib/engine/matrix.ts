// Plain-array matrices: the shared types and the few operations every other stage builds on.

/** A row of numbers: one token's vector, or one row of a matrix. */
export type Vector = number[];

/** A list of rows of equal length; rows are tokens wherever a matrix holds token vectors. */
export type Matrix = number[][];

/** Describes a matrix's shape as `rows×cols` for error messages. */
function shape(m: Matrix): string {
	return `${m.length}×${m[0]?.length ?? 0}`;
}

/** Throws if the rows of `m` do not all have the same length. */
function assertRectangular(m: Matrix, name: string): void {
	const cols = m[0]?.length ?? 0;
	m.forEach((row, i) => {
		if (row.length !== cols) {
			throw new Error(
				`${name}: row ${i} has ${row.length} columns but row 0 has ${cols}; rows must be equal length`
			);
		}
	});
}

/**
 * Multiplies two matrices: `a` (n×m) times `b` (m×k) gives an n×k matrix.
 * @throws Error when the columns of `a` do not match the rows of `b`, or a matrix is ragged.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
	assertRectangular(a, 'matmul (left matrix)');
	assertRectangular(b, 'matmul (right matrix)');
	if (a.length > 0 && a[0].length !== b.length) {
		throw new Error(
			`matmul: cannot multiply ${shape(a)} by ${shape(b)}: ` +
				`the left matrix has ${a[0].length} columns but the right matrix has ${b.length} rows`
		);
	}
	const cols = b[0]?.length ?? 0;
	return a.map((row) => {
		const out = new Array<number>(cols).fill(0);
		for (let j = 0; j < cols; j++) {
			let sum = 0;
			for (let i = 0; i < row.length; i++) sum += row[i] * b[i][j];
			out[j] = sum;
		}
		return out;
	});
}

/** Flips a matrix over its diagonal: row i, column j becomes row j, column i. */
export function transpose(m: Matrix): Matrix {
	assertRectangular(m, 'transpose');
	const cols = m[0]?.length ?? 0;
	return Array.from({ length: cols }, (_, j) => m.map((row) => row[j]));
}

/**
 * Adds two matrices of the same shape, cell by cell.
 * @throws Error when the shapes differ.
 */
export function addMatrices(a: Matrix, b: Matrix): Matrix {
	if (a.length !== b.length || a.some((row, i) => row.length !== b[i].length)) {
		throw new Error(`addMatrices: cannot add ${shape(a)} and ${shape(b)}: shapes must match`);
	}
	return a.map((row, i) => row.map((x, j) => x + b[i][j]));
}

/** A rows×cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
	return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}
