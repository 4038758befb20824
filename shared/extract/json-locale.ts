// Locale strings in JSON files (i18next nested/flat, ICU JSON). jsonc-parser gives the
// structure with offsets; string contents are decoded here so each char maps to its escape.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { BodyBuilder, bodySpan } from './offset-map';
import { decodeJsChunk } from './js-escapes';
import { sniffSyntax } from './syntax';
import type { KeyMatcher } from './key-patterns';
import type { Body, ExtractProblem, ExtractResult } from './types';

export function extractJsonLocale(text: string, match: KeyMatcher): ExtractResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ExtractProblem[] = errors.map((e) => ({
    kind: 'parse',
    // An empty file reports its error at offset 0 with length 1: keep the range inside the file.
    range: { start: Math.min(e.offset, text.length), end: Math.min(text.length, e.offset + Math.max(1, e.length)) },
    message: `Locale file is not valid JSON (${printParseErrorCode(e.error)}); strings after this point may be missed.`,
  }));
  const bodies: Body[] = [];
  const walk = (node: Node, path: string[]): void => {
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && value) walk(value, [...path, String(key.value)]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, String(i)]));
    } else if (node.type === 'string' && path.length > 0) {
      const pattern = match(path);
      if (pattern === undefined) return;
      const b = new BodyBuilder(text, node.offset + 1);
      const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
      // JSON escapes are a subset of JS's, decoded the same way.
      decodeJsChunk(b, text, node.offset + 1, node.offset + node.length - (closed ? 1 : 0), false);
      const { text: body, map } = b.build();
      bodies.push({ text: body, range: bodySpan(map), selectedBy: `key ${path.join('.')} matches pattern '${pattern}'`, syntax: sniffSyntax(body), options: {}, map });
    }
  };
  if (root) walk(root, []);
  return { bodies, problems };
}
