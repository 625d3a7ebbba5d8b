/** What the bot knows, as typed data with localised wording. */
export * from './checklists.ts';
export * from './platforms.ts';
export * from './law.ts';
export * from './claims.ts';
export * from './noReason.ts';
export * from './ladder.ts';
export * from './pitfalls.ts';
export * from './answers.ts';
