// A template file is one body. An optional front matter block (`---` YAML `---`) at the top
// sets per-template options and is not part of the body; a BOM is not part of it either.
import { isMap, parseDocument, type Node } from 'yaml';
import { BodyBuilder, bodySpan } from './offset-map';
import { sniffSyntax, syntaxFromPath } from './syntax';
import type { Body, BodyOptions, ExtractProblem, ExtractResult, SyntaxId } from './types';

const SYNTAXES: readonly SyntaxId[] = ['mustache', 'handlebars', 'liquid', 'js-template', 'printf', 'dotnet', 'icu', 'ruby-i18n', 'plain'];

// Expected shapes of the known options; unknown keys pass through as data.
const KNOWN: Record<string, (v: unknown) => boolean> = {
  recipients: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  country: (v) => typeof v === 'string',
  media: (v) => typeof v === 'boolean' || typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
  maxSegments: (v) => typeof v === 'number' && Number.isInteger(v) && v > 0,
  profile: (v) => typeof v === 'string',
  variables: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  syntax: (v) => typeof v === 'string' && (SYNTAXES as readonly string[]).includes(v),
};
const EXPECTED: Record<string, string> = {
  recipients: 'a whole number >= 0',
  country: 'a string (ISO country code)',
  media: 'true/false, a URL or a list of URLs',
  maxSegments: 'a whole number > 0',
  profile: 'a string',
  variables: 'a mapping of variable names',
  syntax: SYNTAXES.join(' | '),
};

/** Line at `i` is exactly `---` (trailing spaces allowed); returns the offset after its line break. */
function fenceEnd(text: string, i: number, closing: boolean): number {
  if (!text.startsWith('---', i) && !(closing && text.startsWith('...', i))) return -1;
  let j = i + 3;
  while (text[j] === ' ' || text[j] === '\t') j++;
  if (j === text.length) return j;
  if (text[j] === '\n') return j + 1;
  if (text[j] === '\r') return text[j + 1] === '\n' ? j + 2 : j + 1;
  return -1;
}

/** Offset of the final line break (if any), which ends the file rather than the message. */
function trimFinalNewline(text: string, from: number): number {
  let end = text.length;
  if (end > from && text[end - 1] === '\n') end--;
  if (end > from && text[end - 1] === '\r') end--;
  return end;
}

export function extractTemplateFile(path: string, text: string, selectedBy: string): ExtractResult {
  const problems: ExtractProblem[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let bodyStart = bom;
  let options: BodyOptions = {};
  const open = fenceEnd(text, bom, false);
  if (open >= 0) {
    // Find the closing fence at the start of a line.
    let close = -1;
    let closeEnd = -1;
    for (let i = open; i <= text.length; ) {
      const e = fenceEnd(text, i, true);
      if (e >= 0) {
        close = i;
        closeEnd = e;
        break;
      }
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl + 1;
    }
    if (close < 0) {
      problems.push({ kind: 'front-matter', range: { start: bom, end: open }, message: 'Front matter is not closed: add a line `---` after the options. The whole file is taken as the message.' });
    } else {
      options = parseFrontMatter(text, open, close, problems);
      bodyStart = closeEnd;
    }
  }
  const b = new BodyBuilder(text, bodyStart);
  b.copy(bodyStart, trimFinalNewline(text, bodyStart));
  const { text: body, map } = b.build();
  const declared = typeof options.syntax === 'string' && (SYNTAXES as readonly string[]).includes(options.syntax) ? (options.syntax as SyntaxId) : undefined;
  const result: Body = {
    text: body,
    range: bodySpan(map),
    selectedBy,
    syntax: declared ?? syntaxFromPath(path) ?? sniffSyntax(body),
    options,
    map,
  };
  return { bodies: [result], problems };
}

function parseFrontMatter(text: string, start: number, end: number, problems: ExtractProblem[]): BodyOptions {
  const src = text.slice(start, end);
  const doc = parseDocument(src, { prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    // yaml may point just past the input (an unclosed `[`): keep the range inside the block.
    const s = Math.min(start + err.pos[0], Math.max(start, end - 1));
    const e = Math.min(Math.max(start + err.pos[1], s + 1), end);
    problems.push({ kind: 'front-matter', range: { start: s, end: e }, message: `Front matter: ${err.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0) return {};
  const contents = doc.contents;
  if (contents === null) return {};
  if (!isMap(contents)) {
    const r = (contents as Node).range;
    problems.push({ kind: 'front-matter', range: { start: start + (r?.[0] ?? 0), end: start + (r?.[1] ?? src.length) }, message: 'Front matter must be a mapping of options (key: value).' });
    return {};
  }
  const options: Record<string, unknown> = {};
  for (const pair of contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const value = (pair.value as Node | null)?.toJSON() ?? null;
    const check = KNOWN[key];
    if (check && !check(value)) {
      const r = (pair.value as Node | null)?.range ?? (pair.key as Node | null)?.range;
      problems.push({ kind: 'front-matter', range: { start: start + (r?.[0] ?? 0), end: start + (r?.[1] ?? 0) }, message: `Front matter: \`${key}\` must be ${EXPECTED[key]}; it is ignored.` });
      continue;
    }
    options[key] = value;
  }
  return options;
}
