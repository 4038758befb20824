// A fix inside a plain (unquoted) YAML scalar can change what the file means: a leading ' or "
// opens a quoted scalar, ": " starts a mapping, " #" a comment, edge spaces are dropped. When any
// fix in such a scalar would do that, every fix in it also turns the scalar into a double-quoted
// one: the same quote and escape edits in each, which fix-all applies once.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Edit, Fix, Range } from '../types';
import { encodeForHost } from './hostText';

interface WithFixes {
  readonly fixes: readonly Fix[];
  readonly data?: Readonly<Record<string, unknown>>;
}

function applyEdits(source: string, base: number, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let at = 0;
  let out = '';
  for (const e of sorted) {
    if (e.range.start - base < at) continue;
    out += source.slice(at, e.range.start - base) + e.text;
    at = e.range.end - base;
  }
  return out + source.slice(at);
}

/** Does `source` (as it would sit after `key: `) still read as one plain string scalar? */
export function staysPlain(source: string): boolean {
  if (/^\s|\s$|[ \t]\r?\n/.test(source)) return false;
  const doc = parseDocument(`k: ${source}\n`);
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return false;
  const v = doc.contents.items[0]!.value;
  return isScalar(v) && v.type === 'PLAIN' && typeof v.value === 'string' && v.range?.[1] === 3 + source.length;
}

/** The findings of one plain-scalar body, their fixes quoting the scalar when they must. */
export function quotePlainScalarFixes<F extends WithFixes>(document: string, range: Range, findings: readonly F[], refixed: (f: F, fixes: readonly Fix[]) => F): F[] {
  const source = document.slice(range.start, range.end);
  const withFixes = findings.filter((f) => f.fixes.length > 0);
  if (withFixes.length === 0) return [...findings];
  const together = withFixes.filter((f) => f.data?.['fixAll'] === true).flatMap((f) => f.fixes[0]!.edits);
  const safe = staysPlain(applyEdits(source, range.start, together)) && withFixes.every((f) => f.fixes.every((x) => staysPlain(applyEdits(source, range.start, x.edits))));
  if (safe) return [...findings];

  const quoting: Edit[] = [
    { range: { start: range.start, end: range.start }, text: '"' },
    { range: { start: range.end, end: range.end }, text: '"' },
  ];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === '\\') quoting.push({ range: { start: range.start + i, end: range.start + i + 1 }, text: `\\${ch}` });
  }
  return findings.map((f) =>
    f.fixes.length === 0
      ? f
      : refixed(
          f,
          f.fixes.map((x) => ({
            title: `${x.title} (quoting the YAML value)`,
            edits: [...quoting, ...x.edits.map((e) => ({ range: e.range, text: encodeForHost(e.text, 'yaml-double') }))].sort(
              (a, b) => a.range.start - b.range.start || a.range.end - b.range.end,
            ),
          })),
        ),
  );
}
