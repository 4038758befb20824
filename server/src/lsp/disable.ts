// The "disable for this line" quick fix: a directive comment in the host language's syntax,
// placed where the directives parser (shared/directives) reads it and where it does not change
// any SMS body.
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commentStylesForPath, disableNextLineComment } from '../../../shared/directives';
import type { Range } from '../../../shared/types';

export interface DisableAction {
  readonly title: string;
  readonly edit: TextEdit;
}

/** undefined when no comment can go there (JSON has none; a line inside a multi-line string literal). */
export function disableAction(path: string, doc: TextDocument, line: number, ruleId: string, bodies: readonly { readonly range: Range }[]): DisableAction | undefined {
  const styles = commentStylesForPath(path);
  const text = doc.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const template = styles.includes('front-matter');
  const style = styles.find((s) => s !== 'front-matter');
  if (style === undefined) {
    // A plain template has comments only in its front matter, above the body: disable the rule for the file.
    if (!template) return undefined;
    const comment = `# smslint-disable-file ${ruleId}`;
    const fm = /^(\uFEFF)?---\r?\n/.exec(text);
    const edit: TextEdit = fm
      ? { range: at(doc, fm[0].length), newText: comment + eol }
      : { range: at(doc, text.startsWith('\uFEFF') ? 1 : 0), newText: `---${eol}${comment}${eol}---${eol}` };
    return { title: `Disable ${ruleId} for this file`, edit };
  }
  const lineStart = doc.offsetAt({ line, character: 0 });
  // In a source or locale file, a comment line inside a multi-line literal would become SMS text.
  if (!template && bodies.some((b) => b.range.start < lineStart && lineStart < b.range.end)) return undefined;
  // Liquid keeps the newline after a tag, so the comment trims it; a Mustache comment alone on its line is removed whole.
  const comment = style === 'liquid' ? `{% # smslint-disable-next-line ${ruleId} -%}` : disableNextLineComment(style, ruleId);
  if (comment === undefined) return undefined;
  const indent = template ? '' : (/^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '');
  return { title: `Disable ${ruleId} for this line`, edit: { range: at(doc, lineStart), newText: indent + comment + eol } };
}

function at(doc: TextDocument, offset: number) {
  const p = doc.positionAt(offset);
  return { start: p, end: p };
}
