// What linting one document produces: the single result the editor and the CLI both render.
import type { Encoding, Fix, Range, Severity } from '../types';

export interface LintInput {
  /** Absolute path or URI path of the document; decides how bodies are found. */
  readonly path: string;
  /** The live text (the editor's buffer, or the file as read). */
  readonly text: string;
}

/** Figures of one body as a range over its template variables. */
export interface BodyFigures {
  readonly encoding: { readonly best: Encoding; readonly worst: Encoding };
  readonly segments: { readonly best: number; readonly worst: number; readonly sample?: number };
  readonly characters: { readonly best: number; readonly worst: number };
  /** Billable units: septets (GSM-7, an extension character is 2) or UTF-16 units (UCS-2). */
  readonly units: { readonly best: number; readonly worst: number };
  /** Body offset where segment 2 starts, when the body has no placeholders and needs 2+ segments. */
  readonly secondSegmentAt?: number;
  /** Why the worst case is what it is, e.g. "name may carry non-GSM text (charset unicode)". */
  readonly worstReason: string;
}

export interface BodyCost {
  /** Display strings, exact (e.g. "$0.02", "2 credits"); a range shows "best–worst". */
  readonly perRecipient: string;
  readonly campaign?: string;
  readonly recipients?: number;
  /** "within your plan (47 of 347 credits left)" or overage line. */
  readonly planImpact?: string;
  /** Prepaid balance coverage line, when a balance is configured. */
  readonly balance?: string;
  /** Why no cost could be computed (unknown country rate, MMS under quo…). */
  readonly error?: string;
  /** The same cost as exact integers, for totals and sorting (absent with `error`). */
  readonly amounts?: CostAmounts;
}

/** A best–worst pair of exact integer amounts. */
export interface AmountRange {
  readonly best: number;
  readonly worst: number;
}

/** Exact cost in the profile's unit: micro-dollars ('usd') or credits, never a float. */
export interface CostAmounts {
  readonly unit: 'usd' | 'credits';
  readonly perRecipient: AmountRange;
  readonly campaign: AmountRange;
}

export interface BodyReport {
  /** The body's range in the document. */
  readonly range: Range;
  /** How this text was selected as an SMS body ("file matches *.sms", "argument of sendSms()"). */
  readonly selectedBy: string;
  readonly syntax: string;
  readonly profile: string;
  readonly figures: BodyFigures;
  readonly cost?: BodyCost;
  /** Short text after the body: "2 seg · UCS-2 · $0.02". */
  readonly inlayHint: string;
  /** Markdown table for a hover over the body. */
  readonly hover: string;
}

/** What a body report says besides where it is and its hover: shared by the cache and the CLI. */
export type BodySummary = Pick<BodyReport, 'selectedBy' | 'syntax' | 'profile' | 'figures' | 'inlayHint'> & {
  readonly cost: BodyCost | undefined;
};

export interface LintFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Document range (UTF-16 offsets). */
  readonly range: Range;
  /** Quick fixes with edits in document offsets; the first is the preferred one. */
  readonly fixes: readonly Fix[];
  /** Repository-relative path of the rule's documentation (docs/rules/<id>.md). */
  readonly docsPath?: string;
  /** Markdown for a hover over this finding's range (what the character is and what it costs). */
  readonly hover?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface LintResult {
  readonly path: string;
  readonly findings: readonly LintFinding[];
  readonly bodies: readonly BodyReport[];
  /** Set when the document was not linted (too large, binary, minified): say why once. */
  readonly skipped?: string;
}
