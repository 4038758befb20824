// --fix on one text: the core's fixAll, re-run until nothing changes, each pass checked so that
// nothing outside the edits' ranges moves and line endings match the file's. Pure.
import type { Edit } from '../../../shared/types';
import type { LintResult } from '../../../shared/lint/types';
import type { ResolvedConfig } from '../../../shared/config';
import type { LintEngine } from './io';

const MAX_PASSES = 10;

/** Applies sorted, non-overlapping edits; undefined when they overlap or leave the text. */
export function applyEdits(text: string, edits: readonly Edit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    const { start, end } = e.range;
    if (start < at || end < start || end > text.length) return undefined;
    parts.push(text.slice(at, start), e.text);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A file written with CRLF gets CRLF in inserted text too. */
function matchEol(edit: Edit, crlf: boolean): Edit {
  if (!crlf || !/(?<!\r)\n/.test(edit.text)) return edit;
  return { range: edit.range, text: edit.text.replace(/(?<!\r)\n/g, '\r\n') };
}

export type FixOutcome =
  | { readonly ok: true; readonly text: string; readonly result: LintResult; readonly edits: number }
  | { readonly ok: false; readonly message: string };

export function fixText(engine: LintEngine, path: string, text: string, config: ResolvedConfig, first: LintResult): FixOutcome {
  const crlf = text.includes('\r\n');
  let current = text;
  let result = first;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (result.skipped !== undefined) break;
    const { text: fixed, edits } = engine.fixAll(current, result);
    if (edits.length === 0) break;
    const mine = applyEdits(current, edits);
    if (mine === undefined || mine !== fixed) {
      return { ok: false, message: 'the fixes overlap or do not match their edits; the file was left as it was (please report this)' };
    }
    const next = applyEdits(current, edits.map((e) => matchEol(e, crlf)))!;
    if (next === current) break;
    current = next;
    applied += edits.length;
    result = engine.lintDocument({ path, text: current }, config);
  }
  return { ok: true, text: current, result, edits: applied };
}

/** A unified diff of two texts that differ in a few places, 3 lines of context. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  // Common prefix and suffix by line, then one hunk per run of differing lines (Myers is overkill
  // for fixes, which replace characters within lines and never move them).
  const hunks: string[] = [];
  let i = 0;
  let j = 0;
  const ctx = 3;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // Find where the two sides agree again: the smallest k, l with a[i+k] === b[j+l].
    let ei = i;
    let ej = j;
    search: for (let d = 1; d <= a.length - i + b.length - j; d++) {
      for (let k = 0; k <= d; k++) {
        const l = d - k;
        if (i + k >= a.length || j + l >= b.length) {
          if (i + k >= a.length && j + l >= b.length) {
            ei = a.length;
            ej = b.length;
            break search;
          }
          continue;
        }
        if (a[i + k] === b[j + l]) {
          ei = i + k;
          ej = j + l;
          break search;
        }
      }
    }
    hunks.push(`${i}:${ei}:${j}:${ej}`);
    i = ei;
    j = ej;
  }
  const nl = (s: string) => (s.endsWith('\n') ? s : `${s}\n\\ No newline at end of file\n`);
  const out = [`--- a/${path}\n`, `+++ b/${path}\n`];
  // Merge changes whose contexts touch into one hunk.
  const changes = hunks.map((h) => h.split(':').map(Number) as [number, number, number, number]);
  let g = 0;
  while (g < changes.length) {
    let h = g;
    while (h + 1 < changes.length && changes[h + 1]![0] - changes[h]![1] <= 2 * ctx) h++;
    const startA = Math.max(0, changes[g]![0] - ctx);
    const endA = Math.min(a.length, changes[h]![1] + ctx);
    const startB = changes[g]![2] - (changes[g]![0] - startA);
    const endB = Math.min(b.length, changes[h]![3] + (endA - changes[h]![1]));
    const body: string[] = [];
    let x = startA;
    for (let c = g; c <= h; c++) {
      const [ai, ae, bi, be] = changes[c]!;
      for (; x < ai; x++) body.push(' ' + nl(a[x]!));
      for (let y = ai; y < ae; y++) body.push('-' + nl(a[y]!));
      for (let y = bi; y < be; y++) body.push('+' + nl(b[y]!));
      x = ae;
    }
    for (; x < endA; x++) body.push(' ' + nl(a[x]!));
    out.push(`@@ -${startA + 1},${endA - startA} +${startB + 1},${endB - startB} @@\n`, ...body);
    g = h + 1;
  }
  return out.join('');
}
