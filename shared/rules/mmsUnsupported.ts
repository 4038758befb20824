import type { BodyRule } from './context';

export const mmsUnsupported: BodyRule = {
  id: 'mms-unsupported',
  defaultSeverity: 'error',
  description: 'The template carries media but the active pricing profile cannot send MMS (the Quo API).',
  docsPath: 'docs/rules/mms-unsupported.md',
  check({ model: m }) {
    if (m.costError?.code !== 'mms-unsupported') return [];
    return [{ range: m.body.range, message: m.costError.message, data: { profile: m.profile?.id } }];
  },
};
