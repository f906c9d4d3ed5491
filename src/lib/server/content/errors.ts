// A content mistake, reported to writers as "file:line: problem" so the build stops with a clear message.

/** An error in a file under content/, naming the file and line. */
export class ContentError extends Error {
	readonly file: string;
	readonly line: number | undefined;
	readonly problem: string;

	/**
	 * @param file path relative to the project root, e.g. `content/01-hot-dog.md`
	 * @param line 1-based line number, when known
	 * @param problem what is wrong, in words a writer understands
	 */
	constructor(file: string, line: number | undefined, problem: string) {
		super(`${file}${line ? `:${line}` : ''}: ${problem}`);
		this.name = 'ContentError';
		this.file = file;
		this.line = line;
		this.problem = problem;
	}
}
