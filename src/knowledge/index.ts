/** What the bot knows, as typed data with localised wording. */
export * from './checklists.ts';
export * from './platforms.ts';
export * from './law.ts';
export * from './ladder.ts';
export * from './pitfalls.ts';
