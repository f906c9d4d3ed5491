// The attention engine's public surface: pure functions on plain arrays, one concept per file.
export * from './matrix.ts';
export * from './vector.ts';
export * from './project.ts';
export * from './scores.ts';
export * from './scale.ts';
export * from './mask.ts';
export * from './softmax.ts';
export * from './weighted-sum.ts';
export * from './head.ts';
export * from './multi-head.ts';
export * from './attention.ts';
export * from './params.ts';
