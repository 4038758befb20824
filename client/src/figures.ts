// The `smslint/figures` request the status item asks the server, and how its answer reads.
// No vscode import here, so the wording is unit-testable without an editor.

export const FIGURES_REQUEST = 'smslint/figures';

export interface FiguresParams {
  readonly textDocument: { readonly uri: string };
  readonly position: { readonly line: number; readonly character: number };
}

/** The server's figures for the body under the cursor; null when the cursor is in no body. */
export interface Figures {
  readonly encoding: string;
  readonly segments: { readonly best: number; readonly worst: number };
  /** Per-recipient cost, already formatted by the server for the active profile ("$0.02", "2 credits"). */
  readonly costText?: string;
  /** How this body was selected ("template file", "call sendSms()", …). */
  readonly selectedBy?: string;
}

/** `2 seg · UCS-2 · $0.02/recipient`, or `1–3 seg · …` when variables make it a range. */
export function figuresText(f: Figures): string {
  const { best, worst } = f.segments;
  const seg = best === worst ? `${best} seg` : `${best}–${worst} seg`;
  const parts = [seg, f.encoding];
  if (f.costText) parts.push(`${f.costText}/recipient`);
  return parts.join(' · ');
}

export function figuresTooltip(f: Figures): string {
  const lines = [`smslint: ${figuresText(f)}`];
  if (f.selectedBy) lines.push(`Selected by ${f.selectedBy}`);
  lines.push('Click for the details of this body');
  return lines.join('\n');
}

/** Accepts only a well-formed answer, so a server bug shows as "no figures", not as "undefined seg". */
export function asFigures(value: unknown): Figures | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const seg = v.segments as Record<string, unknown> | undefined;
  if (typeof v.encoding !== 'string' || typeof seg !== 'object' || seg === null) return null;
  if (!Number.isInteger(seg.best) || !Number.isInteger(seg.worst)) return null;
  return {
    encoding: v.encoding,
    segments: { best: seg.best as number, worst: seg.worst as number },
    ...(typeof v.costText === 'string' ? { costText: v.costText } : {}),
    ...(typeof v.selectedBy === 'string' ? { selectedBy: v.selectedBy } : {}),
  };
}
