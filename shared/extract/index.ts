// Finds the SMS bodies in one file: template files, locale files and JS/TS and Python sources.
// Pure: takes the path and the text, returns data; bad input yields problems, never throws.
import { extractJs } from './js-extract';
import { extractJsFor, forget, reextract, type ExtractCache } from './extract-cache';
import { extractPy } from './py-extract';
import { fileKind, matchingGlob } from './paths';
import { extractTemplateFile } from './template-file';
import { extractJsonLocale } from './json-locale';
import { extractYamlLocale } from './yaml-locale';
import { keyMatcher, type KeyMatcher } from './key-patterns';
import { skipReason } from './guards';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from './options';
import type { ExtractResult } from './types';

export type { Body, BodyOptions, ExtractProblem, ExtractResult, SyntaxId } from './types';
export type { CallSite, ExtractOptions } from './options';
export type { OffsetMap } from './offset-map';
export type { FileKind } from './paths';
export { DEFAULT_EXTRACT_OPTIONS } from './options';
export { createExtractCache, type ExtractCache } from './extract-cache';
export { mapRange, mapOffset } from './offset-map';
export { fileKind } from './paths';
export { owned } from './owned';
export { editBetween, type TextChange } from './js-edit';
export { sniffSyntax } from './syntax';

const matchers = new Map<string, KeyMatcher>();

function keysFor(options: ExtractOptions): KeyMatcher {
  const key = JSON.stringify(options.keyPatterns);
  let m = matchers.get(key);
  if (!m) {
    if (matchers.size > 32) matchers.clear();
    m = keyMatcher(options.keyPatterns);
    matchers.set(key, m);
  }
  return m;
}

/** `cache` (an editor's) re-reads only what an edit inside one JS/TS literal changed; the result is the same. */
export function extractBodies(path: string, text: string, options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS, cache?: ExtractCache): ExtractResult {
  try {
    const again = cache ? reextract(cache, path, text, options) : undefined;
    if (again) return again;
    const kind = fileKind(path, options);
    if (kind === 'none') return { bodies: [], problems: [] };
    const skip = skipReason(text, options.maxFileSize, kind === 'source-js' || kind === 'source-python' ? options.maxLineLength : undefined);
    if (skip) return { bodies: [], problems: [skip] };
    switch (kind) {
      case 'source-js':
        return cache ? extractJsFor(cache, path, text, options) : extractJs(text, options);
      case 'source-python':
        return extractPy(text, options);
      case 'template':
        return extractTemplateFile(path, text, `file matches ${matchingGlob(path, options.templateFiles) ?? 'a template glob'}`);
      case 'locale-json':
        return extractJsonLocale(text, keysFor(options));
      case 'locale-yaml':
        return extractYamlLocale(text, keysFor(options));
    }
  } catch (err) {
    if (cache) forget(cache, path);
    // A bug here must not take the editor down: report it on the file instead.
    return { bodies: [], problems: [{ kind: 'parse', range: { start: 0, end: 0 }, message: `Extraction failed: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}
