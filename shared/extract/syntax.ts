// Guesses the template syntax of a body that did not come with one (locale values, literals).
// This reads the decoded body text, not source code.
import type { SyntaxId } from './types';

const ICU_ARG = /\{\s*[\p{L}_][\p{L}\p{N}_.]*\s*(?:,\s*(?:plural|select|selectordinal|number|date|time)\b[^}]*)?\}/u;

export function sniffSyntax(text: string): SyntaxId {
  if (text.includes('{{')) return 'mustache';
  if (text.includes('{%')) return 'liquid';
  // Ruby/Rails i18n: `%{name}`, `%<name>.2f` (before printf, which has no braces).
  if (/%\{[\w|]+\}|%<\w+>[^\d]*?\d*\.?\d*[bBdiouxXeEfgGcps]/.test(text)) return 'ruby-i18n';
  // Not `20% discount`: a bare conversion must not follow a digit or take a space flag.
  if (/%\d+\$[-+0#]*\d*(?:\.\d+)?[sdif]|(?<![\d%])%[-+0#]*\d*(?:\.\d+)?[sdif]/.test(text)) return 'printf';
  if (/\{\d+(?:[,:][^}]*)?\}/.test(text)) return 'dotnet';
  if (ICU_ARG.test(text)) return 'icu';
  return 'plain';
}

/** Syntax from a template file's name: `welcome.sms.hbs` is Handlebars. */
export function syntaxFromPath(path: string): SyntaxId | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.hbs') || lower.endsWith('.handlebars')) return 'handlebars';
  if (lower.endsWith('.liquid')) return 'liquid';
  if (lower.endsWith('.mustache')) return 'mustache';
  return undefined;
}
