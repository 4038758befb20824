// One entry point over the per-syntax parsers, and syntax detection for files without a hint.
import { parseDotnet } from './dotnet';
import { parseIcu } from './icu';
import { parseJsTemplate } from './jsTemplate';
import { parseLiquid } from './liquid';
import { parseMustache } from './mustache';
import { parsePrintf } from './printf';
import { parseRubyI18n } from './rubyI18n';
import { TEMPLATE_SYNTAXES, type Template, type TemplateSyntax } from './types';

export function parsePlain(body: string): Template {
  const parts: Template['parts'] =
    body.length > 0 ? [{ kind: 'literal', text: body, range: { start: 0, end: body.length }, verbatim: true }] : [];
  return { syntax: 'plain', body, parts, findings: [] };
}

/** Parses `body` in `syntax`. Never throws: malformed input comes back as findings. */
export function parseTemplate(body: string, syntax: TemplateSyntax): Template {
  try {
    switch (syntax) {
      case 'mustache':
        return parseMustache(body, false);
      case 'handlebars':
        return parseMustache(body, true);
      case 'liquid':
        return parseLiquid(body);
      case 'js-template':
        return parseJsTemplate(body);
      case 'printf':
        return parsePrintf(body);
      case 'dotnet':
        return parseDotnet(body);
      case 'icu':
        return parseIcu(body);
      case 'ruby-i18n':
        return parseRubyI18n(body);
      case 'plain':
        return parsePlain(body);
    }
  } catch (e) {
    // A parser bug must not take the linter down: measure the body as plain text and say so.
    const plain = parsePlain(body);
    return {
      ...plain,
      syntax,
      findings: [
        {
          code: 'unsupported-construct',
          kind: 'unsupported',
          message: `Could not parse this ${syntax} template (${e instanceof Error ? e.message : String(e)}); measured as plain text`,
          range: { start: 0, end: body.length },
        },
      ],
    };
  }
  return parsePlain(body);
}

export function isTemplateSyntax(s: string): s is TemplateSyntax {
  return (TEMPLATE_SYNTAXES as readonly string[]).includes(s);
}

const BY_EXTENSION: readonly [RegExp, TemplateSyntax][] = [
  [/\.(hbs|handlebars)$/i, 'handlebars'],
  [/\.mustache$/i, 'mustache'],
  [/\.liquid$/i, 'liquid'],
];

/** Picks a syntax. `hint` may be a syntax id, a file name or path; otherwise the content decides:
 * Liquid tags, then Handlebars blocks, Mustache, `${}`, ICU/.NET braces, printf, else plain. */
export function detectSyntax(text: string, hint?: string): TemplateSyntax {
  if (hint !== undefined) {
    if (isTemplateSyntax(hint)) return hint;
    for (const [re, syntax] of BY_EXTENSION) if (re.test(hint)) return syntax;
  }
  if (/\{%-?\s*\w/.test(text) || /\{\{-?\s*[^}]*?\|\s*\w+/.test(text)) return 'liquid';
  if (/\{\{~?\s*(#(if|unless|each|with)\b|else\b)/.test(text)) return 'handlebars';
  if (text.includes('{{')) return 'mustache';
  if (/%\{[\w|]+\}|%<\w+>[^\d]*?\d*\.?\d*[bBdiouxXeEfgGcps]/.test(text)) return 'ruby-i18n';
  if (/\$\{[^}]*\}/.test(text)) return 'js-template';
  if (/\{\s*\d+\s*(,\s*-?\d+\s*)?:[^{}]*\}/.test(text)) return 'dotnet';
  if (/\{\s*[\p{L}\p{N}_]+\s*(,\s*\w+\s*)?[,}]/u.test(text)) return 'icu';
  if (/%(\d+\$)?[-+#0]*\d*(\.\d+)?[sd@]/.test(text)) return 'printf';
  return 'plain';
}
