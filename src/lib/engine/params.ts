// Counting attention parameters, for the closing section's GPT-3 arithmetic.

/** GPT-3's attention dimensions (Brown et al., 2020): the numbers the essay's count uses. */
export const GPT3 = Object.freeze({
	embeddingSize: 12288,
	keySize: 128,
	headsPerBlock: 96,
	layers: 96
});

/** GPT-3's total parameter count, to compare the attention share against. */
export const GPT3_TOTAL_PARAMETERS = 175_000_000_000;

/**
 * Counts the attention parameters of a model whose value maps are factored into down and up.
 * - perMatrix: one query (or key, value-down, value-up) matrix, embeddingSize × keySize;
 * - perHead: 4 × perMatrix (query, key, value down, value up);
 * - perBlock: perHead × headsPerBlock;
 * - total: perBlock × layers;
 * - fullValueMatrix: embeddingSize², what one unfactored square value matrix would cost.
 * @throws RangeError when a dimension is not a non-negative integer.
 */
export function countAttentionParameters(dims: {
	embeddingSize: number;
	keySize: number;
	headsPerBlock: number;
	layers: number;
}): {
	perMatrix: number;
	perHead: number;
	perBlock: number;
	total: number;
	fullValueMatrix: number;
} {
	for (const [name, value] of Object.entries(dims)) {
		if (!Number.isInteger(value) || value < 0) {
			throw new RangeError(
				`countAttentionParameters: ${name} must be a whole number (got ${value})`
			);
		}
	}
	const perMatrix = dims.embeddingSize * dims.keySize;
	const perHead = 4 * perMatrix;
	const perBlock = perHead * dims.headsPerBlock;
	const total = perBlock * dims.layers;
	const fullValueMatrix = dims.embeddingSize ** 2;
	return { perMatrix, perHead, perBlock, total, fullValueMatrix };
}
