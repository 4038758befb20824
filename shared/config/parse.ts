// Parses a config file's text (JSON, JSONC or YAML) into a value plus a locator that maps a key
// path back to the exact range in the text, so every problem can name its line and column.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Range } from '../types';
import type { ConfigProblem, ConfigProblemCode } from './types';
import { locator } from '../text/lines';

export type ConfigFormat = 'json' | 'jsonc' | 'yaml';
export type KeyPath = readonly (string | number)[];

export interface ParsedConfigText {
  /** undefined when the text could not be parsed at all. */
  readonly value: unknown;
  /** Range of the value at `path` (or of its key, when `key` is set); the nearest existing ancestor otherwise. */
  locate(path: KeyPath, key?: boolean): Range;
  readonly problems: readonly ConfigProblem[];
  problem(code: ConfigProblemCode, path: KeyPath, message: string, key?: boolean, severity?: 'error' | 'warning'): ConfigProblem;
}

/** `rules.non-gsm-char`, `overrides[0].files`, `placeholders["**\/*.sms"]`. */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function makeProblem(
  file: string,
  text: string,
  code: ConfigProblemCode,
  keyPath: KeyPath,
  message: string,
  range: Range,
  severity: 'error' | 'warning' = 'error',
): ConfigProblem {
  return { file, code, severity, keyPath: formatKeyPath(keyPath), message, range, ...locator(text)(range.start) };
}

export function parseConfigText(file: string, text: string, format: ConfigFormat, prefix: KeyPath = []): ParsedConfigText {
  return format === 'yaml' ? parseYaml(file, text) : parseJson(file, text, format, prefix);
}

function withProblem(file: string, text: string, locate: ParsedConfigText['locate']) {
  return (code: ConfigProblemCode, path: KeyPath, message: string, key = false, severity: 'error' | 'warning' = 'error') =>
    makeProblem(file, text, code, path, message, locate(path, key), severity);
}

const JSON_MESSAGES: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  PropertyNameExpected: 'expected a key in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are not allowed in .json files (use .smslintrc.jsonc)',
};

function parseJson(file: string, text: string, format: 'json' | 'jsonc', prefix: KeyPath): ParsedConfigText {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: format === 'json', allowTrailingComma: format === 'jsonc' });
  const whole: Range = { start: 0, end: Math.min(text.length, 1) };
  const locate = (path: KeyPath, key = false): Range => {
    let node: JsonNode | undefined = root;
    let keyNode: JsonNode | undefined;
    for (const seg of [...prefix, ...path]) {
      if (!node) break;
      let next: JsonNode | undefined;
      if (node.type === 'object' && typeof seg === 'string') {
        const prop = node.children?.find((p) => p.children?.[0]?.value === seg);
        keyNode = prop?.children?.[0];
        next = prop?.children?.[1];
      } else if (node.type === 'array' && typeof seg === 'number') {
        next = node.children?.[seg];
        keyNode = undefined;
      }
      if (!next) return key && keyNode ? span(keyNode) : span(node);
      node = next;
    }
    if (key && keyNode) return span(keyNode);
    return node ? span(node) : whole;
  };
  const problem = withProblem(file, text, locate);
  const problems = errors.map((e) => {
    const name = printParseErrorCode(e.error);
    const what = JSON_MESSAGES[name] ?? name;
    return makeProblem(file, text, 'parse', [], `Invalid ${format === 'json' ? 'JSON' : 'JSONC'}: ${what}.`, {
      start: e.offset,
      end: e.offset + Math.max(e.length, 1),
    });
  });
  if (problems.length > 0) return { value: undefined, locate, problems, problem };
  let value: unknown = root ? nodeValue(root) : undefined;
  for (const seg of prefix) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
  return { value, locate, problems, problem };
}

function span(n: JsonNode): Range {
  return { start: n.offset, end: n.offset + n.length };
}

// Built from the tree (not JSON.parse) so comments and trailing commas in JSONC are accepted.
function nodeValue(n: JsonNode): unknown {
  switch (n.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[k.value as string] = nodeValue(v);
      }
      return o;
    }
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}

function parseYaml(file: string, text: string): ParsedConfigText {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const whole: Range = { start: 0, end: Math.min(text.length, 1) };
  const locate = (path: KeyPath, key = false): Range => {
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const seg of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        keyNode = isScalar(pair?.key) ? pair.key : undefined;
        next = pair?.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        keyNode = undefined;
      }
      if (!next) return (key && keyNode ? yspan(keyNode) : yspan(node)) ?? whole;
      node = next;
    }
    if (key && keyNode) return yspan(keyNode) ?? whole;
    return yspan(node) ?? whole;
  };
  const problem = withProblem(file, text, locate);
  const problems = doc.errors.map((e) =>
    makeProblem(file, text, 'parse', [], `Invalid YAML: ${e.message.split('\n')[0]}`, { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }),
  );
  if (problems.length > 0) return { value: undefined, locate, problems, problem };
  // An empty file is an empty config.
  const value = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  return { value, locate, problems, problem };
}

function yspan(n: unknown): Range | undefined {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}
