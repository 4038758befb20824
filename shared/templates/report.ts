// What templateFigures hands back: the figures, with the messages that explain them written
// when first read (the editor measures each body up to three times and shows the reason once).
import type { Range } from '../types';
import type { Assumption, Figure, TemplateFigures, VariableReport, VariantFigures, Widening } from './figures';
import type { ResolvedVariable } from './variables';

export interface Label {
  readonly text: string;
  readonly kind: 'branch' | 'repeat';
}

export const NO_LABELS: readonly Label[] = [];

/** Resolved metadata by variable name. */
export interface Known {
  get(name: string): { readonly r: ResolvedVariable } | undefined;
}

/** An assumption about one variable; the message is written when read. */
export class VariableAssumption implements Assumption {
  readonly variable: string;
  constructor(
    readonly code: 'variable-length-unknown' | 'variable-may-be-unicode',
    private readonly r: ResolvedVariable,
    readonly range: Range,
  ) {
    this.variable = r.name;
  }

  get message(): string {
    const r = this.r;
    if (this.code === 'variable-may-be-unicode') {
      return `'${r.name}' may hold characters outside GSM-7${r.assumed.includes('charset') ? ' (defaultCharset)' : ''}: the worst case is UCS-2`;
    }
    const noMin = r.assumed.includes('minLength');
    const noMax = r.assumed.includes('maxLength');
    const what = noMin && noMax
      ? `minLength ${r.minLength} (defaultMinLength) and maxLength ${r.maxLength} (defaultMaxLength)`
      : noMin ? `minLength ${r.minLength} (defaultMinLength)` : `maxLength ${r.maxLength} (defaultMaxLength)`;
    return `'${r.name}' has no declared length; assumed ${what}`;
  }

  toJSON(): Assumption {
    return { code: this.code, message: this.message, variable: this.variable, range: this.range };
  }
}

/** The figures; what widens the worst case and why are written when first read (the editor
 * measures each body up to three times and shows the reason once). */
export class Figures implements TemplateFigures {
  private why: { widening: Widening[]; worstReason: string } | undefined;

  constructor(
    readonly best: Figure,
    readonly worst: Figure,
    readonly sample: Figure | undefined,
    readonly variants: readonly VariantFigures[],
    readonly variantCount: number,
    readonly variables: readonly VariableReport[],
    readonly assumptions: readonly Assumption[],
    private readonly known: Known,
    private readonly worstLabels: readonly Label[],
    private readonly bestLabels: readonly Label[],
  ) {}

  get widening(): readonly Widening[] {
    return (this.why ??= this.explain()).widening;
  }

  get worstReason(): string {
    return (this.why ??= this.explain()).worstReason;
  }

  private explain(): { widening: Widening[]; worstReason: string } {
    const worst = this.worst;
    const widening: Widening[] = [];
    let valueText = '';
    for (const v of worst.values) {
      const r = this.known.get(v.name)!.r;
      if (!(r.mayBeUnicode || r.maxLength > r.minLength)) continue;
      widening.push({ kind: 'variable', label: `${v.name} (${r.minLength}–${r.maxLength}${r.mayBeUnicode ? ', unicode' : ''})` });
      valueText += `${valueText ? ', ' : ''}${v.name} at ${v.length} chars${v.charset === 'unicode' ? ', unicode' : ''}`;
    }
    for (const l of this.worstLabels) if (!this.bestLabels.some((b) => b.text === l.text)) widening.push({ kind: l.kind, label: l.text });
    const arms = worst.variant.join(', ');
    const reason = arms && valueText ? `${arms} with ${valueText}` : arms || (valueText ? `with ${valueText}` : '');
    const worstReason = `worst: ${worst.segments} segment${worst.segments === 1 ? '' : 's'}, ${worst.encoding}${reason ? `; ${reason}` : ''}`;
    return { widening, worstReason };
  }

  toJSON(): TemplateFigures {
    const { best, worst, sample, variants, variantCount, variables, assumptions, widening, worstReason } = this;
    return { best, worst, sample, variants, variantCount, variables, assumptions, widening, worstReason };
  }
}


const pluralRules = new Map<string, Intl.PluralRules>();

export function pluralCategory(n: number, locale: string, ordinal: boolean): string {
  const key = `${locale}|${ordinal}`;
  let rules = pluralRules.get(key);
  if (!rules) {
    const type = ordinal ? 'ordinal' : 'cardinal';
    try {
      rules = new Intl.PluralRules(locale, { type });
    } catch {
      rules = new Intl.PluralRules('en', { type });
    }
    pluralRules.set(key, rules);
  }
  return rules.select(n);
}

