// Extraction for an editor's keystrokes: the last JS/TS extraction of the few documents being
// typed in is kept, so an edit inside a literal re-reads that literal's bodies, not the file
// (js-edit.ts). The result is always what a full extraction of the text would give.
import { extractJsKept, reextractJs, type JsSnapshot } from './js-edit';
import type { ExtractOptions } from './options';
import type { ExtractResult } from './types';

export interface ExtractCache {
  /** Extractions of a whole file, and re-extractions after an edit (for benches and tests). */
  readonly stats: { full: number; edits: number };
}

interface Kept {
  readonly options: ExtractOptions;
  readonly snapshot: JsSnapshot;
}

interface State extends ExtractCache {
  /** By path, least recently used first. */
  readonly documents: Map<string, Kept>;
  readonly limit: number;
}

/** Keeps the last extraction of up to `documents` JS/TS documents. */
export function createExtractCache(documents = 16): ExtractCache {
  const state: State = { stats: { full: 0, edits: 0 }, documents: new Map(), limit: Math.max(1, documents) };
  return state;
}

/** The document's extraction re-read from its last one, when `text` differs from it by an edit inside one literal. */
export function reextract(cache: ExtractCache, path: string, text: string, options: ExtractOptions): ExtractResult | undefined {
  const state = cache as State;
  const kept = state.documents.get(path);
  if (kept === undefined) return undefined;
  state.documents.delete(path);
  if (kept.options !== options) return undefined;
  const result = reextractJs(kept.snapshot, text, options.maxFileSize, options.maxLineLength);
  if (result === undefined) return undefined;
  state.stats.edits++;
  state.documents.set(path, kept);
  return result;
}

/** A full extraction of a JS/TS document (that passed the file checks), kept for its next edit. */
export function extractJsFor(cache: ExtractCache, path: string, text: string, options: ExtractOptions): ExtractResult {
  const state = cache as State;
  const { result, snapshot } = extractJsKept(text, options);
  state.stats.full++;
  state.documents.delete(path);
  state.documents.set(path, { options, snapshot });
  if (state.documents.size > state.limit) state.documents.delete(state.documents.keys().next().value!);
  return result;
}

/** Drops what is kept of a document (its extraction failed). */
export function forget(cache: ExtractCache, path: string): void {
  (cache as State).documents.delete(path);
}
