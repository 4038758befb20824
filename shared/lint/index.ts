// The one entry point the editor and the CLI share.
export { lintDocument, bodyAt, findingsAt, type LintOptions } from './document';
export { createBodyCache, type BodyCache } from './bodyCache';
export { fixAll } from './fix';
export type * from './types';
