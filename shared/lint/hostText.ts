// Replacement text must be written the way the host literal spells it: a `'` inside a
// single-quoted JS string needs a backslash, inside a single-quoted YAML scalar it doubles.
import type { Range } from '../types';

export type HostQuoting =
  | 'none'
  | 'backslash-single'
  | 'backslash-double'
  | 'backslash-backtick'
  | 'yaml-single'
  | 'yaml-double'
  /** An unquoted YAML scalar: written as is, but see yamlPlain.ts for what may not be. */
  | 'yaml-plain';

// A block scalar's content starts on its own line, under a `key: |` or `- >-` header.
const BLOCK_HEADER = /[|>][-+0-9]*[ \t]*(#.*)?$/;

function isYamlBlockScalar(document: string, start: number): boolean {
  const lineStart = document.lastIndexOf('\n', start - 1) + 1;
  if (document.slice(lineStart, start).trim() !== '') return false;
  const before = document.slice(0, lineStart).replace(/(\r?\n[ \t]*)+$/, '');
  const prevLine = before.slice(before.lastIndexOf('\n') + 1);
  return BLOCK_HEADER.test(prevLine);
}

export function hostQuoting(path: string, document: string, bodyRange: Range): HostQuoting {
  const before = document[bodyRange.start - 1];
  const after = document[bodyRange.end];
  const yaml = /\.ya?ml$/i.test(path);
  if (before === undefined || before !== after || !`'"\``.includes(before)) {
    return yaml && !isYamlBlockScalar(document, bodyRange.start) ? 'yaml-plain' : 'none';
  }
  if (before === "'") return yaml ? 'yaml-single' : 'backslash-single';
  if (before === '"') return yaml ? 'yaml-double' : 'backslash-double';
  return yaml ? 'yaml-plain' : 'backslash-backtick';
}

export function encodeForHost(text: string, quoting: HostQuoting): string {
  switch (quoting) {
    case 'none':
    case 'yaml-plain':
      return text;
    case 'yaml-single':
      return text.replaceAll("'", "''");
    case 'yaml-double':
    case 'backslash-double':
      return text.replace(/[\\"]/g, '\\$&').replaceAll('\n', '\\n');
    case 'backslash-single':
      return text.replace(/[\\']/g, '\\$&').replaceAll('\n', '\\n');
    case 'backslash-backtick':
      return text.replace(/[\\`]/g, '\\$&');
  }
}
