// What smslint assumes when no config says otherwise. Each part's defaults come from the part
// that owns them (extraction, templates, pricing), so there is one number for each.
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/options';
import { VARIABLE_DEFAULTS } from '../templates/variables';
import { BUILTIN_PROFILE_CONFIGS, PROFILE_ALIASES } from '../pricing/profile';
import type { ResolvedConfig } from './types';

/** Built-in pricing profile names and their aliases ("openphone" is Quo). */
export const BUILTIN_PROFILES: readonly string[] = [...Object.keys(BUILTIN_PROFILE_CONFIGS), ...Object.keys(PROFILE_ALIASES)];

/** The default template globs, spelled to match in any folder. */
export const DEFAULT_TEMPLATE_GLOBS: readonly string[] = DEFAULT_EXTRACT_OPTIONS.templateFiles.map((g) => (g.includes('/') ? g : `**/${g}`));

export const DEFAULT_IGNORE: readonly string[] = ['**/node_modules/**', '**/.git/**'];

export const DEFAULT_CONFIG: ResolvedConfig = deepFreeze<ResolvedConfig>({
  profile: 'quo',
  profiles: {},
  campaign: { recipients: 1, country: undefined, balance: undefined, media: false },
  plans: {},
  plan: undefined,
  limits: { maxSegments: undefined, maxCostPerRecipient: undefined, maxCampaignCost: undefined },
  allowUnicode: false,
  variables: {},
  variableDefaults: {
    maxLength: VARIABLE_DEFAULTS.defaultMaxLength,
    minLength: VARIABLE_DEFAULTS.defaultMinLength,
    charset: VARIABLE_DEFAULTS.defaultCharset,
    maxItems: VARIABLE_DEFAULTS.defaultMaxItems,
  },
  placeholders: ['auto'],
  rules: {},
  files: { ...DEFAULT_EXTRACT_OPTIONS, callSites: DEFAULT_EXTRACT_OPTIONS.callSites.map((c) => ({ ...c })) },
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
