// Per-body results kept between lints of the same documents (the editor's keystrokes): a body is
// linted once in coordinates relative to its own start, and each later lint only shifts the
// findings to where the body now sits. Only position-independent data is kept, plus where the
// last lint of each recent document placed its bodies (an edit leaves most of them in place).
import type { ResolvedConfig } from '../config';
import { createExtractCache, owned, type Body, type ExtractCache, type OffsetMap } from '../extract';
import type { Fix, Range, Severity, SeveritySetting } from '../types';
import { lintBody, type BodyOutcome } from './bodyLint';
import type { HostQuoting } from './hostText';
import type { BodyReport, LintFinding } from './types';

export interface BodyCache {
  /** Bodies linted, and how many of them came from the cache (for benches and tests). */
  readonly stats: { lookups: number; hits: number };
}

interface Entry {
  readonly config: ResolvedConfig;
  readonly malformed: SeveritySetting;
  readonly quoting: HostQuoting;
  readonly syntax: string;
  readonly selectedBy: string;
  readonly options: string;
  /** The YAML plain scalar's host text (its fixes may quote it), else ''. */
  readonly source: string;
  /** The body's map, file offsets counted from the body's start. */
  readonly map: OffsetMap;
  readonly outcome: BodyOutcome;
}

/** A body's findings and report in document offsets. */
export interface Placed {
  readonly findings: readonly LintFinding[];
  readonly report: BodyReport;
}

/** Where a document's last lint put one of its bodies. */
interface Placement {
  readonly entry: Entry;
  readonly placed: Placed;
  readonly body: Body;
}

interface CacheState extends BodyCache {
  // Keyed by body text. Two generations: a full young map becomes the old one, so memory stays
  // within about 2 × limit bodies.
  young: Map<string, Entry[]>;
  old: Map<string, Entry[]>;
  youngSize: number;
  readonly limit: number;
  /** The last lint's placements of the most recently linted documents, by path (oldest first). */
  readonly documents: Map<string, readonly (Placement | undefined)[]>;
  /** The same documents' last extractions, re-read after an edit inside a literal. */
  readonly extract: ExtractCache;
}

// Documents whose placements are kept: the few being typed in.
const DOCUMENTS_KEPT = 16;

/** A cache for `lintDocument(…, { cache })`; `limit` bounds the bodies kept (twice that at most, plus the last lint and extraction of 16 documents). */
export function createBodyCache(limit = 2000): BodyCache {
  const state: CacheState = { young: new Map(), old: new Map(), youngSize: 0, limit: Math.max(1, limit), documents: new Map(), extract: createExtractCache(DOCUMENTS_KEPT), stats: { lookups: 0, hits: 0 } };
  return state;
}

/** The extraction cache of the documents this cache lints (for extractBodies). */
export function extractCacheOf(cache: BodyCache): ExtractCache {
  return (cache as CacheState).extract;
}

/** The body's map with file offsets counted from its own start. */
function relativeMap(map: OffsetMap, base: number): OffsetMap {
  if (base === 0) return map;
  return {
    bodyStarts: map.bodyStarts,
    fileStarts: map.fileStarts.map((x) => x - base),
    fileEnds: map.fileEnds.map((x) => x - base),
    atomic: map.atomic,
    bodyLength: map.bodyLength,
    anchor: map.anchor - base,
  };
}

const shiftRange = (r: Range, by: number): Range => ({ start: r.start + by, end: r.end + by });

/**
 * A finding moved to where its body now sits. Typing moves every body after the caret, so this is
 * made for most findings on every keystroke: the fixes are shifted only when read (few ever are),
 * and the hover is the original's.
 */
class ShiftedFinding implements LintFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly docsPath: string | undefined;
  declare readonly data?: Readonly<Record<string, unknown>>;
  readonly #origin: LintFinding;
  readonly #by: number;
  #fixes: readonly Fix[] | undefined;

  constructor(origin: LintFinding, by: number) {
    this.ruleId = origin.ruleId;
    this.severity = origin.severity;
    this.message = origin.message;
    this.range = shiftRange(origin.range, by);
    this.docsPath = origin.docsPath;
    if (origin.data) this.data = origin.data;
    this.#origin = origin;
    this.#by = by;
  }

  get fixes(): readonly Fix[] {
    const by = this.#by;
    const fixes = this.#origin.fixes;
    return (this.#fixes ??= fixes.length === 0 ? fixes : fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: shiftRange(e.range, by), text: e.text })) })));
  }

  get hover(): string | undefined {
    return this.#origin.hover;
  }
}

function optionsKey(options: Body['options']): string | undefined {
  for (const _ in options) {
    try {
      return JSON.stringify(options);
    } catch {
      return undefined; // not plain data (a cycle, a bigint): such a body is not cached
    }
  }
  return '';
}

function sameNumbers(a: readonly number[], b: readonly number[], shift: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]! - shift !== b[i]) return false;
  return true;
}

/** Is `e` the outcome of this body (the same map once shifted to the body's start)? */
function matches(e: Entry, body: Body, config: ResolvedConfig, quoting: HostQuoting, malformed: SeveritySetting, options: string, source: string): boolean {
  const m = body.map;
  const base = body.range.start;
  return (
    e.config === config && e.malformed === malformed && e.quoting === quoting && e.syntax === body.syntax && e.selectedBy === body.selectedBy &&
    e.options === options && e.source === source && e.map.bodyLength === m.bodyLength && e.map.anchor === m.anchor - base &&
    sameNumbers(m.bodyStarts, e.map.bodyStarts, 0) && sameNumbers(m.atomic, e.map.atomic, 0) &&
    sameNumbers(m.fileStarts, e.map.fileStarts, base) && sameNumbers(m.fileEnds, e.map.fileEnds, base)
  );
}

/**
 * One document's lint through the cache. Bodies an edit did not touch keep their findings and
 * report from the document's last lint (same outcome at the same offsets), so typing allocates
 * only for the bodies it moved.
 */
export interface CachedLint {
  /** lintBody through the cache: the findings come back in document offsets. Call in body order. */
  lint(body: Body, config: ResolvedConfig, quoting: HostQuoting, document: string, malformed: SeveritySetting): Placed;
  /** Keeps this lint's placements for the document's next lint. */
  end(): void;
}

export function beginCachedLint(cache: BodyCache, path: string, bodies: number): CachedLint {
  const state = cache as CacheState;
  const before = state.documents.get(path) ?? [];
  const now: (Placement | undefined)[] = new Array(bodies);
  // An edit adds or removes bodies in one place: those after it sit this much further in `before`.
  const shift = before.length - bodies;
  let i = 0;
  return {
    lint(body, config, quoting, document, malformed) {
      const k = i++;
      // The body the last lint had here, maybe moved by the edit: its entry needs no lookup.
      const same = sameBody(before[k], body, config, quoting, malformed) ?? sameBody(before[k + shift], body, config, quoting, malformed);
      if (same !== undefined) {
        state.stats.lookups++;
        state.stats.hits++;
        const placed = placedAt(same, same.entry, body.range) ?? place(same.entry, body.range);
        now[k] = { entry: same.entry, placed, body };
        return placed;
      }
      const entry = lookup(state, body, config, quoting, document, malformed);
      if (entry === undefined) {
        const outcome = lintBody(body, config, quoting, document, malformed);
        return { findings: outcome.findings, report: outcome.report(body.range) };
      }
      const placed = placedAt(before[k], entry, body.range) ?? placedAt(before[k + shift], entry, body.range) ?? place(entry, body.range);
      now[k] = { entry, placed, body };
      return placed;
    },
    end() {
      state.documents.delete(path);
      state.documents.set(path, now);
      if (state.documents.size > DOCUMENTS_KEPT) state.documents.delete(state.documents.keys().next().value!);
    },
  };
}

/**
 * `p` when it placed this very body, or one equal to it but moved (the same text and map arrays,
 * as re-extraction after an edit hands them on): then its entry is this body's outcome.
 */
function sameBody(p: Placement | undefined, body: Body, config: ResolvedConfig, quoting: HostQuoting, malformed: SeveritySetting): Placement | undefined {
  if (p === undefined) return undefined;
  const e = p.entry;
  // A YAML plain scalar's outcome depends on its host text too: always looked up.
  if (e.config !== config || e.quoting !== quoting || e.malformed !== malformed || quoting === 'yaml-plain') return undefined;
  const b = p.body;
  if (b === body) return p;
  const m = body.map;
  const was = b.map;
  const by = body.range.start - b.range.start;
  const same =
    b.text === body.text && b.selectedBy === body.selectedBy && b.syntax === body.syntax && b.options === body.options &&
    m.bodyStarts === was.bodyStarts && m.atomic === was.atomic && m.bodyLength === was.bodyLength && m.anchor - by === was.anchor &&
    sameNumbers(m.fileStarts, was.fileStarts, by) && sameNumbers(m.fileEnds, was.fileEnds, by);
  return same ? p : undefined;
}

/** The cached outcome of this body; undefined when the body cannot be cached (options that are not plain data). */
function lookup(state: CacheState, body: Body, config: ResolvedConfig, quoting: HostQuoting, document: string, malformed: SeveritySetting): Entry | undefined {
  const options = optionsKey(body.options);
  if (options === undefined) return undefined;
  const base = body.range.start;
  const source = quoting === 'yaml-plain' ? document.slice(base, body.range.end) : '';
  state.stats.lookups++;
  const find = (bucket: Entry[] | undefined) => bucket?.find((e) => matches(e, body, config, quoting, malformed, options, source));
  const young = state.young.get(body.text);
  let entry = find(young);
  if (entry) {
    state.stats.hits++;
    return entry;
  }
  entry = find(state.old.get(body.text));
  if (entry) state.stats.hits++;
  else {
    const map = relativeMap(body.map, base);
    const relative: Body = { ...body, text: owned(body.text), range: { start: 0, end: body.range.end - base }, map };
    // lintBody reads the host text only for a YAML plain scalar, where it is `source` (the body's own span).
    const host = owned(source);
    const outcome = lintBody(relative, config, quoting, host, malformed);
    entry = { config, malformed, quoting, syntax: body.syntax, selectedBy: body.selectedBy, options, source: host, map, outcome };
  }
  if (state.youngSize >= state.limit) {
    state.old = state.young;
    state.young = new Map();
    state.youngSize = 0;
  }
  const bucket = state.young.get(body.text);
  if (bucket) bucket.push(entry);
  else state.young.set(owned(body.text), [entry]);
  state.youngSize++;
  return entry;
}

// The outcome placed at a range is a function of the two alone: last lint's is as good as new.
function placedAt(p: Placement | undefined, entry: Entry, range: Range): Placed | undefined {
  if (p === undefined || p.entry !== entry) return undefined;
  const r = p.placed.report.range;
  return r.start === range.start && r.end === range.end ? p.placed : undefined;
}

function place(entry: Entry, range: Range): Placed {
  const base = range.start;
  const findings = base === 0 ? entry.outcome.findings : entry.outcome.findings.map((f) => new ShiftedFinding(f, base));
  return { findings, report: entry.outcome.report(range) };
}
