// What smslint assumes when no config says otherwise.
import type { ResolvedConfig } from './types';

/** Built-in pricing profile names (the pricing core defines them; listed here for validation). */
export const BUILTIN_PROFILES: readonly string[] = ['quo', 'textspot'];

export const DEFAULT_TEMPLATE_GLOBS: readonly string[] = ['**/*.sms', '**/*.sms.txt', '**/*.sms.hbs', '**/*.sms.liquid', '**/*.sms.mustache'];

export const DEFAULT_IGNORE: readonly string[] = ['**/node_modules/**', '**/.git/**'];

export const DEFAULT_CONFIG: ResolvedConfig = deepFreeze<ResolvedConfig>({
  profile: 'quo',
  profiles: {},
  campaign: { recipients: 1, country: 'US', balance: undefined, media: false },
  plan: undefined,
  limits: { maxSegments: undefined, maxCostPerRecipient: undefined, maxCampaignCost: undefined },
  allowUnicode: false,
  variables: {},
  // A first name or an order number fits in 20 GSM characters; longer values need saying.
  variableDefaults: { maxLength: 20, minLength: 0, charset: 'gsm' },
  placeholders: ['auto'],
  rules: {},
  files: { templates: DEFAULT_TEMPLATE_GLOBS, locales: [], sources: [], calls: [], tags: ['sms'], marker: 'smslint-template' },
  ignore: DEFAULT_IGNORE,
  baseDir: undefined,
});

// Frozen all the way down: resolution copies from it, and nobody may edit the defaults in place.
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
