// The toy model's shape: named features, a vocabulary of embeddings, heads, meanings and a readout.
import type { Matrix, Vector } from '../engine/index.ts';

/** One attention head's weights, as the engine takes them. */
export interface ModelHead {
	name: string;
	/** What the head does, in a sentence, for captions. */
	description: string;
	/** d_model × d_k */
	query: Matrix;
	/** d_model × d_k */
	key: Matrix;
	/** d_model × d_v ("value down") */
	valueDown: Matrix;
	/** d_v × d_model ("value up") */
	valueUp: Matrix;
}

/** A named vector with a label for people: a meaning direction or a readout candidate. */
export interface LabelledVector {
	label: string;
	vector: Vector;
}

/** The toy model, validated and turned into dense arrays (feature order = `features`). */
export interface ToyModel {
	/** Feature names, one per embedding dimension. */
	features: string[];
	/** Size of the query/key space. */
	keySize: number;
	/** Size of the small value space. */
	valueSize: number;
	/** Word → context-free embedding. */
	vocabulary: Record<string, Vector>;
	/** Head name → weights, in the order the file lists them (the first is the default). */
	heads: Record<string, ModelHead>;
	/** Named meaning directions in embedding space (e.g. the three senses of "mole"). */
	meanings: Record<string, LabelledVector>;
	/**
	 * Candidate next words → vector, for the hot dog readout. The label says what kind of word it
	 * is (e.g. `animal`, `food`).
	 */
	readout: Record<string, LabelledVector>;
	/**
	 * The head that carries the readout: it runs after the figure's head and copies what the
	 * sentence is about into the last position (see `predictNext` in step-data.ts).
	 */
	readoutHead: string;
}
