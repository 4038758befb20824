// The config model. `SmslintConfig` is what a user writes (and the source of the JSON Schema:
// scripts/gen-schema.mjs reads the JSDoc below, so tags like @minimum are part of the contract).
// `ResolvedConfig` is what the core hands to rules: defaults filled, overrides applied.
import type { Range, SeveritySetting } from '../types';
import type { RuleId } from '../rules/registry';

// ---------------------------------------------------------------------------------------------
// Plain-data shapes owned by other parts of the core. Placeholders until their modules export
// config-facing types that the schema generator can read (no brands, no bigint, no functions).

/**
 * Money as written in config: a decimal dollar amount, as a JSON number (0.01) or a string
 * ("0.01", "$1,234.56"). Converted exactly to integer micro-dollars by the pricing core.
 */
export type Money = MoneyString | MoneyNumber;

/** @minimum 0 */
export type MoneyNumber = number;

/** @pattern ^\$?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$ */
export type MoneyString = string;

/** An amount in dollars, or in a provider's credits (textspot). */
export type Amount = Money | CreditAmount;

export interface CreditAmount {
  /**
   * @minimum 0
   * @asType integer
   */
  credits: number;
}

/** A custom pricing profile (same shape as the built-in ones). */
export interface PricingProfileConfig {
  /** A built-in profile this one starts from ("quo", "textspot"). */
  extends?: string;
  /** "per-segment": segments × price; "credits": segments × credits × type multiplier. */
  billing?: 'per-segment' | 'credits';
  /** Price of one segment (per-segment billing), by default for every destination. */
  segmentPrice?: Money;
  /** Extra price per segment by destination country (ISO 3166-1 alpha-2 code → amount). */
  countryRates?: { [country: string]: Money };
  /** Credits per SMS segment (credit billing). */
  creditsPerSegment?: number;
  /** Credits for an MMS (credit billing). */
  creditsPerMms?: number;
  /** Whether this profile can send media. */
  mms?: boolean;
  /** Segment sizes: some carriers and sender types use 150/152/66. */
  segmentSizes?: {
    /** @minimum 1 */
    gsmSingle?: number;
    /** @minimum 1 */
    gsmMulti?: number;
    /** @minimum 1 */
    ucs2Single?: number;
    /** @minimum 1 */
    ucs2Multi?: number;
  };
  /**
   * Largest number of segments the provider sends.
   * @minimum 1
   */
  maxSegments?: number;
  /**
   * Largest body in characters the provider accepts.
   * @minimum 1
   */
  maxCharacters?: number;
}

/** A textspot plan: a catalogue name, or its definition. */
export interface PlanConfig {
  /** Catalogue name, e.g. "textspot-500". */
  id?: string;
  period?: 'monthly' | 'yearly';
  /**
   * Credits included per period.
   * @minimum 0
   */
  credits?: number;
  price?: Money;
  /** Price of each credit over the allowance. */
  overageRate?: Money;
  /**
   * Credits already used in the current cycle.
   * @minimum 0
   */
  used?: number;
  /**
   * Credits rolled over from the previous cycle.
   * @minimum 0
   */
  rollover?: number;
}

/** Placeholder syntaxes the template core understands. "auto" picks by file type. */
export type PlaceholderSyntax =
  | 'auto'
  | 'mustache'
  | 'handlebars'
  | 'liquid'
  | 'js'
  | 'printf'
  | 'indexed'
  | 'icu'
  | 'none';

/** What is known about a template variable's values (PRODUCT.md §2). */
export interface VariableMeta {
  /**
   * Longest value, in characters.
   * @minimum 0
   * @asType integer
   */
  maxLength?: number;
  /**
   * Shortest value, in characters.
   * @minimum 0
   * @asType integer
   */
  minLength?: number;
  /** A typical value, used for the "sample" figures. */
  sample?: string;
  /** "gsm": values are always GSM-7; "unicode": a value may force UCS-2. */
  charset?: 'gsm' | 'unicode';
}

/** Where the SMS bodies are (PRODUCT.md §3). Globs are relative to the config file. */
export interface FilesConfig {
  /** Template files: each file is one body. */
  templates?: string[];
  /** Locale/resource files whose selected keys are SMS bodies. */
  locales?: LocaleFilesConfig[];
  /** Source files searched for call sites, tagged templates and marker comments. */
  sources?: string[];
  /** Call sites whose argument or property is an SMS body, e.g. "sendSms", "client.messages.create". */
  calls?: CallSiteConfig[];
  /** Tags of tagged templates, e.g. "sms" for sms`…`. */
  tags?: string[];
  /** The comment that marks the next string literal as a body. */
  marker?: string;
}

export interface LocaleFilesConfig {
  /** Globs of the locale files. */
  files: string[];
  /** Key patterns (dot paths with * and **) that select SMS strings, e.g. "sms.**". */
  keys: string[];
}

export interface CallSiteConfig {
  /** Callee as written, e.g. "sendSms" or "client.messages.create". */
  callee: string;
  /**
   * Which argument holds the body (0-based).
   * @minimum 0
   * @asType integer
   */
  argument?: number;
  /** The property of an object argument that holds the body, e.g. "body". */
  property?: string;
}

// ---------------------------------------------------------------------------------------------

/** A rule's severity; "off" disables it. */
export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';
// Spelled out (not `SeveritySetting`) so the schema has one flat enum; these lines keep them equal.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const severitySettingMatches: Same<RuleSeverity, SeveritySetting> = true;

/** How a rule is set: a severity, or a severity with options. */
export type RuleSetting = RuleSeverity | [RuleSeverity, RuleOptions];

export type RuleOptions = { [option: string]: unknown };

export type RulesConfig = { [id in RuleId]?: RuleSetting };

export interface CampaignConfig {
  /**
   * Recipients of each message: campaign cost = per-recipient cost × recipients.
   * @minimum 0
   * @asType integer
   */
  recipients?: number;
  /**
   * Destination country (ISO 3166-1 alpha-2), for country rates.
   * @pattern ^[A-Za-z]{2}$
   */
  country?: string;
  /** Prepaid balance (dollars) or credits left: says how many recipients it covers. */
  balance?: Amount;
  /** The message carries media (MMS). */
  media?: boolean;
}

export interface LimitsConfig {
  /**
   * Most segments a body may take in the worst case.
   * @minimum 1
   * @asType integer
   */
  maxSegments?: number;
  maxCostPerRecipient?: Amount;
  maxCampaignCost?: Amount;
}

/** The keys that a config file and an override share. */
export interface ConfigKeys {
  /** Pricing profile: a built-in name ("quo", "textspot") or one defined under "profiles". */
  profile?: string;
  campaign?: CampaignConfig;
  /** A plan name, or its definition with usage so far. */
  plan?: string | PlanConfig;
  limits?: LimitsConfig;
  /**
   * true: characters outside GSM-7 are intended (no non-gsm-char findings); a list: only
   * these characters are intended (e.g. French curly quotes: ["’", "«", "»"]).
   */
  allowUnicode?: boolean | string[];
  /** Known variables, by name. */
  variables?: { [name: string]: VariableMeta };
  /** Assumed for variables not listed under "variables". */
  variableDefaults?: VariableMeta;
  /** Placeholder syntax, for all files or by glob (first matching glob wins). */
  placeholders?: PlaceholderSyntax | PlaceholderSyntax[] | { [glob: string]: PlaceholderSyntax | PlaceholderSyntax[] };
  /** Severity per rule: "error", "warning", "info", "hint" or "off"; or [severity, options]. */
  rules?: RulesConfig;
  files?: FilesConfig;
  /** Globs of files never linted. */
  ignore?: string[];
}

/** Settings for some files. Which files are SMS bodies ("files", "ignore") is set only at the top. */
export interface OverrideConfig extends Omit<ConfigKeys, 'files' | 'ignore'> {
  /** Globs (relative to the config file) of the files this override applies to. */
  files: string | string[];
  /** Also require the body's locale to match, e.g. "fr" matches fr, fr-CA and fr_FR. */
  locales?: string[];
}

/** An smslint config file (.smslintrc.json, .smslintrc.yaml, package.json "smslint"…). */
export interface SmslintConfig extends ConfigKeys {
  /** The JSON Schema of this file (for editors). */
  $schema?: string;
  /** Stop looking for configs in parent folders. */
  root?: boolean;
  /** Custom pricing profiles, by name. */
  profiles?: { [name: string]: PricingProfileConfig };
  /** Settings for the files matching a glob (monorepos, per-locale copy). */
  overrides?: OverrideConfig[];
}

// ---------------------------------------------------------------------------------------------
// After resolution.

export interface ResolvedRule {
  readonly severity: SeveritySetting;
  readonly options: RuleOptions;
}

export interface ResolvedFiles {
  readonly templates: readonly string[];
  readonly locales: readonly LocaleFilesConfig[];
  readonly sources: readonly string[];
  readonly calls: readonly CallSiteConfig[];
  readonly tags: readonly string[];
  readonly marker: string;
}

/** Config for one file (and optionally one locale): every key present. */
export interface ResolvedConfig {
  readonly profile: string;
  readonly profiles: Readonly<Record<string, PricingProfileConfig>>;
  readonly campaign: {
    readonly recipients: number;
    readonly country: string;
    readonly balance: Amount | undefined;
    readonly media: boolean;
  };
  readonly plan: string | PlanConfig | undefined;
  readonly limits: {
    readonly maxSegments: number | undefined;
    readonly maxCostPerRecipient: Amount | undefined;
    readonly maxCampaignCost: Amount | undefined;
  };
  readonly allowUnicode: boolean | readonly string[];
  readonly variables: Readonly<Record<string, VariableMeta>>;
  readonly variableDefaults: Required<Pick<VariableMeta, 'maxLength' | 'minLength' | 'charset'>> & Pick<VariableMeta, 'sample'>;
  /** Syntaxes for this file, already chosen by glob. */
  readonly placeholders: readonly PlaceholderSyntax[];
  /** Only the rules the config sets; the registry supplies the rest (see `ruleSetting`). */
  readonly rules: Readonly<Partial<Record<RuleId, ResolvedRule>>>;
  /** Globs relative to `baseDir`. */
  readonly files: ResolvedFiles;
  /** Globs relative to `baseDir`. */
  readonly ignore: readonly string[];
  /** The directory that the globs in `files` and `ignore` are relative to. */
  readonly baseDir: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Problems with a config file.

export type ConfigProblemCode = 'io' | 'parse' | 'schema' | 'unknown-key' | 'ambiguous';

/** A problem in a config file, positioned for the editor (range) and for humans (line/column). */
export interface ConfigProblem {
  readonly file: string;
  readonly code: ConfigProblemCode;
  readonly severity: 'error' | 'warning';
  /** Dotted key path, e.g. `rules.non-gsm-char` or `overrides[0].files`; "" for the whole file. */
  readonly keyPath: string;
  readonly message: string;
  /** UTF-16 offsets in the config file's text. */
  readonly range: Range;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}
