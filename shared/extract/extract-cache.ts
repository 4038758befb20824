// Extraction for an editor's keystrokes: the last JS/TS extraction of the few documents being
// typed in is kept, so an edit inside a literal re-reads that literal's bodies, not the file
// (js-edit.ts). The result is always what a full extraction of the text would give.
import { extractJs } from './js-extract';
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
  /** By path, least recently used first; null for a document read once (opened, not yet edited). */
  readonly documents: Map<string, Kept | null>;
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
  if (kept === undefined || kept === null) return undefined;
  // Refused or failed, the document's next full extraction keeps a snapshot again.
  state.documents.delete(path);
  state.documents.set(path, null);
  if (kept.options !== options) return undefined;
  const result = reextractJs(kept.snapshot, text, options.maxFileSize, options.maxLineLength);
  if (result === undefined) return undefined;
  state.stats.edits++;
  state.documents.set(path, kept);
  return result;
}

// From this size on a document's extraction is kept from its first read: re-extracting it in full
// on its first keystroke would cost milliseconds (smaller files re-extract in well under one).
const KEPT_FROM_OPEN = 32 * 1024;

/**
 * A full extraction of a JS/TS document (that passed the file checks), kept for its next edit
 * once the document is read a second time, or at once when it is big: most documents are opened
 * and never typed in, and copying their tokens would only churn memory.
 */
export function extractJsFor(cache: ExtractCache, path: string, text: string, options: ExtractOptions): ExtractResult {
  const state = cache as State;
  state.stats.full++;
  const seen = state.documents.has(path);
  state.documents.delete(path);
  let result: ExtractResult;
  if (seen || text.length >= KEPT_FROM_OPEN) {
    const kept = extractJsKept(text, options);
    state.documents.set(path, { options, snapshot: kept.snapshot });
    result = kept.result;
  } else {
    state.documents.set(path, null);
    result = extractJs(text, options);
  }
  if (state.documents.size > state.limit) state.documents.delete(state.documents.keys().next().value!);
  return result;
}

/** Drops what is kept of a document (its extraction failed). */
export function forget(cache: ExtractCache, path: string): void {
  (cache as State).documents.delete(path);
}
