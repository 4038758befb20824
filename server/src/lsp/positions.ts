// Core ranges are UTF-16 offsets, which is exactly what TextDocument.positionAt counts in.
import type { Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../../../shared/types';

export function toRange(doc: TextDocument, r: Range): LspRange {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}
