// The API's contract: each resource's zod schema and TypeScript type, defined once. The store produces these shapes,
// the HTTP routes validate and document them, the pages show them; none of those depends on another for them.

export * from './actor.js';
export * from './article.js';
export * from './claim.js';
export * from './linked-data.js';
export * from './meta.js';
export * from './params.js';
export * from './quote.js';
export * from './shared.js';
export * from './statement.js';
export * from './store.js';
export * from './submission.js';
export * from './topic.js';
