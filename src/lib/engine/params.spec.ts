// Tests for the attention parameter count against the essay's GPT-3 facts.
import { describe, expect, test } from 'vitest';
import { countAttentionParameters, GPT3, GPT3_TOTAL_PARAMETERS } from './params.ts';

describe('countAttentionParameters', () => {
	test('countAttentionParameters(GPT3) matches the numbers in ESSAY.md', () => {
		expect(countAttentionParameters(GPT3)).toEqual({
			perMatrix: 1_572_864, // 12,288 × 128
			perHead: 6_291_456, // 4 × 1,572,864
			perBlock: 603_979_776, // 96 × 6,291,456
			total: 57_982_058_496, // 96 × 603,979,776
			fullValueMatrix: 150_994_944 // 12,288²
		});
	});

	test('countAttentionParameters of a small model, worked by hand', () => {
		// 6 × 2 = 12; 4 × 12 = 48; 3 × 48 = 144; 2 × 144 = 288; 6² = 36
		expect(
			countAttentionParameters({ embeddingSize: 6, keySize: 2, headsPerBlock: 3, layers: 2 })
		).toEqual({ perMatrix: 12, perHead: 48, perBlock: 144, total: 288, fullValueMatrix: 36 });
	});

	test('GPT-3 attention is about a third of its 175 billion parameters', () => {
		// 57,982,058,496 / 175,000,000,000 ≈ 0.331
		const share = countAttentionParameters(GPT3).total / GPT3_TOTAL_PARAMETERS;
		expect(share).toBeGreaterThan(0.3);
		expect(share).toBeLessThan(0.34);
	});

	test('GPT3 holds the essay’s dimensions', () => {
		expect(GPT3).toEqual({ embeddingSize: 12288, keySize: 128, headsPerBlock: 96, layers: 96 });
		expect(GPT3_TOTAL_PARAMETERS).toBe(175e9);
	});

	test('countAttentionParameters throws for a dimension that is not a whole number', () => {
		expect(() => countAttentionParameters({ ...GPT3, keySize: -1 })).toThrow(/keySize/);
		expect(() => countAttentionParameters({ ...GPT3, layers: 1.5 })).toThrow(/layers/);
	});
});
