// One document's lint, behind an error boundary: whatever the core does with one file, the server
// keeps serving the others. Results are tagged with the document version they were computed for.
import type { ConfigResolution } from '../../../shared/config';
import type { LintResult } from '../../../shared/lint/types';

export type LintFn = (input: { path: string; text: string }, config: ConfigResolution['config']) => LintResult;

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly path: string;
  /** Empty (no findings, no bodies) when the file is ignored or linting failed. */
  readonly result: LintResult;
  readonly resolution: ConfigResolution;
  /** Set when the core threw on this document. */
  readonly failure?: string;
  /** Wall time of the lint, for the bench and the verbose log. */
  readonly ms: number;
}

export interface AnalyzeInput {
  readonly uri: string;
  readonly version: number;
  readonly path: string;
  readonly text: string;
  readonly resolution: ConfigResolution;
}

export function analyze(input: AnalyzeInput, lint: LintFn): Analysis {
  const { uri, version, path, text, resolution } = input;
  const empty: LintResult = { path, findings: [], bodies: [] };
  const t0 = performance.now();
  if (resolution.ignored) return { uri, version, path, result: empty, resolution, ms: 0 };
  try {
    const result = lint({ path, text }, resolution.config);
    return { uri, version, path, result, resolution, ms: performance.now() - t0 };
  } catch (error) {
    const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { uri, version, path, result: empty, resolution, failure, ms: performance.now() - t0 };
  }
}
