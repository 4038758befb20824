// The one entry point the editor and the CLI share.
export { lintDocument, bodyAt, findingsAt } from './document';
export { fixAll } from './fix';
export type * from './types';
