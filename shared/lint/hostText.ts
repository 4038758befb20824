// Replacement text must be written the way the host literal spells it: a `'` inside a
// single-quoted JS string needs a backslash, inside a single-quoted YAML scalar it doubles.
import type { Range } from '../types';

export type HostQuoting = 'none' | 'backslash-single' | 'backslash-double' | 'backslash-backtick' | 'yaml-single' | 'yaml-double';

export function hostQuoting(path: string, document: string, bodyRange: Range): HostQuoting {
  const before = document[bodyRange.start - 1];
  const after = document[bodyRange.end];
  if (before === undefined || before !== after) return 'none';
  const yaml = /\.ya?ml$/i.test(path);
  if (before === "'") return yaml ? 'yaml-single' : 'backslash-single';
  if (before === '"') return yaml ? 'yaml-double' : 'backslash-double';
  if (before === '`') return 'backslash-backtick';
  return 'none';
}

export function encodeForHost(text: string, quoting: HostQuoting): string {
  switch (quoting) {
    case 'none':
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
