// Character findings of a template's literal text only: placeholder syntax ({{ }}, ${ }) is
// replaced before sending, so its braces are never extension characters of the message.
import { findCharacters, type CharFinding } from '../segments';
import type { Part } from '../templates';

function walk(parts: readonly Part[], out: CharFinding[]): void {
  for (const p of parts) {
    if (p.kind === 'literal') {
      for (const f of findCharacters(p.text)) {
        // An escaped literal (`%%`, `''`) maps as a whole onto its source range.
        out.push(p.verbatim ? { ...f, start: f.start + p.range.start, end: f.end + p.range.start } : { ...f, start: p.range.start, end: p.range.end });
      }
    } else if (p.kind === 'branch') {
      for (const b of p.branches) walk(b.parts, out);
    } else if (p.kind === 'repeat') {
      walk(p.body, out);
      walk(p.empty, out);
    }
  }
}

/** Findings in body offsets, in body order, deduplicated (branches never overlap). */
export function literalFindings(parts: readonly Part[]): CharFinding[] {
  const out: CharFinding[] = [];
  walk(parts, out);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** The body with the given findings replaced (used to measure "what it would cost once fixed"). */
export function replaceInBody(body: string, findings: readonly CharFinding[], by: (f: CharFinding) => string | undefined): string {
  const parts: string[] = [];
  let at = 0;
  for (const f of findings) {
    const r = by(f);
    if (r === undefined || f.start < at) continue;
    parts.push(body.slice(at, f.start), r);
    at = f.end;
  }
  if (at === 0) return body;
  parts.push(body.slice(at));
  return parts.join('');
}
