// A compact picture of a parsed template, for asserting part trees in one string.
import type { Part } from '../../shared/templates';

/** Text as-is, <var>, [group: arm=… | arm=…], *each(… / empty). */
export function shape(parts: readonly Part[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'literal') return p.text;
      if (p.kind === 'variable') return `<${p.name}>`;
      if (p.kind === 'branch') return `[${p.label}: ${p.branches.map((b) => `${b.label}=${shape(b.parts)}`).join(' | ')}]`;
      return `*${p.name}(${shape(p.body)}${p.empty.length ? ` / ${shape(p.empty)}` : ''})`;
    })
    .join('');
}
