// Fix-all: the preferred fix of every finding that is safe to apply without review.
import type { Edit } from '../types';
import type { LintResult } from './types';

export function fixAll(text: string, result: LintResult, ruleIds?: readonly string[]): { text: string; edits: Edit[] } {
  const edits: Edit[] = [];
  for (const f of result.findings) {
    if (ruleIds && !ruleIds.includes(f.ruleId)) continue;
    if (f.data?.['fixAll'] !== true) continue;
    const fix = f.fixes[0];
    if (fix) edits.push(...fix.edits);
  }
  edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const kept: Edit[] = [];
  const seen = new Set<string>();
  let at = 0;
  const parts: string[] = [];
  for (const e of edits) {
    // Several fixes may carry the same edit (the quotes around a YAML value): make it once.
    const key = `${e.range.start}:${e.range.end}:${e.text}`;
    if (seen.has(key)) continue;
    if (e.range.start < at) continue; // overlapping: leave it for the next run
    seen.add(key);
    parts.push(text.slice(at, e.range.start), e.text);
    kept.push(e);
    at = e.range.end;
  }
  parts.push(text.slice(at));
  return { text: kept.length ? parts.join('') : text, edits: kept };
}
