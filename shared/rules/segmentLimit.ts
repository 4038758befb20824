import type { BodyRule } from './context';
import { segmentSpan } from './describe';

// worstReason reads "worst: 3 segments, GSM-7; with name at 20 chars": only its tail adds anything.
const why = (reason: string): string => {
  const at = reason.indexOf('; ');
  return at < 0 ? '' : `: ${reason.slice(at + 2)}`;
};

export const segmentLimit: BodyRule = {
  id: 'segment-limit',
  defaultSeverity: 'error',
  description: 'The worst case of a body is more segments than the configured or provider maximum.',
  docsPath: 'docs/rules/segment-limit.md',
  check({ model: m }) {
    const max = m.maxSegments;
    const worst = m.figures.worst;
    if (max === undefined || worst.segments <= max) return [];
    return [{
      range: m.body.range,
      message: `Worst case is ${worst.segments} segments (${worst.encoding}, ${worst.length} characters), over the limit of ${max}${why(m.figures.worstReason)}.`,
      data: { segments: segmentSpan(m.figures), max, worstReason: m.figures.worstReason },
    }];
  },
};
