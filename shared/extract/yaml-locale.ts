// Locale strings in YAML files (Rails `en:` trees, Symfony ICU). The yaml package gives the
// structure and each scalar's source token; yaml-scalar.ts maps the text through quoting and
// folding, checked against yaml's own value (on disagreement the scalar maps as one unit).
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { BodyBuilder, bodySpan } from './offset-map';
import { decodeBlockScalar, decodeFlowScalar } from './yaml-scalar';
import { sniffSyntax } from './syntax';
import type { KeyMatcher } from './key-patterns';
import type { Body, ExtractProblem, ExtractResult } from './types';

interface SourceToken {
  readonly type: string;
  readonly offset: number;
  readonly source: string;
  readonly props?: readonly { readonly type: string; readonly offset: number; readonly source: string }[];
}

function decodeScalar(text: string, node: Node & { value: string }): BodyBuilder {
  const range = node.range ?? [0, 0, 0];
  const tok = (node as unknown as { srcToken?: SourceToken }).srcToken;
  const b = new BodyBuilder(text, range[0]);
  if (tok) {
    const start = tok.offset;
    const end = start + tok.source.length;
    if (tok.type === 'scalar') decodeFlowScalar(b, text, start, end, '');
    else if (tok.type === 'single-quoted-scalar') decodeFlowScalar(b, text, start + 1, end - 1, "'");
    else if (tok.type === 'double-quoted-scalar') decodeFlowScalar(b, text, start + 1, end - 1, '"');
    else if (tok.type === 'block-scalar') {
      const props = tok.props ?? [];
      const header = props.find((p) => p.type === 'block-scalar-header')?.source ?? '|';
      const last = props[props.length - 1];
      const contentStart = last ? last.offset + last.source.length : range[0];
      if (!decodeBlockScalar(b, text, contentStart, contentStart + tok.source.length, header)) return coarse(text, node);
    }
    if (b.build().text === node.value) return b;
  }
  return coarse(text, node);
}

/** When the exact map cannot be made, every char maps to the whole scalar. */
function coarse(text: string, node: Node & { value: string }): BodyBuilder {
  const [s, e] = node.range ?? [0, 0];
  const b = new BodyBuilder(text, s);
  b.unit(node.value, s, e);
  return b;
}

export function extractYamlLocale(text: string, match: KeyMatcher): ExtractResult {
  const problems: ExtractProblem[] = [];
  const bodies: Body[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        // A collection as key ({{{{x}}}} in a flow map): stringifying it is exponential in its depth.
        const key = isScalar(pair.key) ? String(pair.key.value) : pair.key === null ? '' : '?';
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, String(i)]));
    } else if (isScalar(node) && typeof node.value === 'string' && path.length > 0) {
      const pattern = match(path);
      if (pattern === undefined) return;
      const { text: body, map } = decodeScalar(text, node as Node & { value: string }).build();
      bodies.push({ text: body, range: bodySpan(map), selectedBy: `key ${path.join('.')} matches pattern '${pattern}'`, syntax: sniffSyntax(body), options: {}, map });
    }
  };
  for (const doc of parseAllDocuments(text, { keepSourceTokens: true, prettyErrors: false })) {
    for (const err of doc.errors) {
      problems.push({ kind: 'parse', range: { start: Math.min(err.pos[0], text.length), end: Math.min(text.length, Math.max(err.pos[1], err.pos[0] + 1)) }, message: `Locale file is not valid YAML: ${err.message.split('\n')[0]}` });
    }
    walk(doc.contents, []);
  }
  return { bodies, problems };
}
