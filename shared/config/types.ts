// The config model. `SmslintConfig` is what a user writes (and the source of the JSON Schema:
// scripts/gen-schema.mjs reads the JSDoc below, so tags like @minimum are part of the contract).
// `ResolvedConfig` is what the core hands to rules: defaults filled, overrides applied.
import type { Range, SeveritySetting } from '../types';
import type { RuleId } from '../rules/registry';

/** `true` only when A and B are the same type: pins hand-written schema types to the core's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

// Shapes owned by other parts of the core, embedded as they are (they are plain JSON data).
import type { MoneyInput } from '../pricing/money';
import type { PricingProfileConfig } from '../pricing/profile';
import type { PlanConfig, PlanSpec } from '../pricing/plans';
import type { TemplateSyntax } from '../templates/types';
import type { VariableMeta as TemplateVariableMeta } from '../templates/variables';
import type { CallSite, ExtractOptions } from '../extract/options';

export type { PricingProfileConfig, PlanConfig, PlanSpec, CallSite, ExtractOptions };

/** Money as written in config (the pricing core's MoneyInput: 0.01, "0.01", "$1,234.56"). */
export type Money = MoneyInput;

/** An amount in dollars, or in a provider's credits (textspot). */
export type Amount = Money | CreditAmount;

export interface CreditAmount {
  /**
   * @minimum 0
   * @asType integer
   */
  credits: number;
}

/** Placeholder syntaxes the template core reads; "auto" picks by file type and content. */
export type PlaceholderSyntax = 'auto' | TemplateSyntax;

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
  /**
   * For lists looped with {{#each}} / {% for %}: fewest items.
   * @minimum 0
   * @asType integer
   */
  minItems?: number;
  /**
   * For lists looped with {{#each}} / {% for %}: most items.
   * @minimum 0
   * @asType integer
   */
  maxItems?: number;
}
// Written out here for the schema's bounds; these lines keep it equal to the template core's.
export const variableMetaMatches: Same<Required<VariableMeta>, Required<TemplateVariableMeta>> = true;

/** Where the SMS bodies are (PRODUCT.md §3): the extraction options. Globs are relative to the config file. */
export interface FilesConfig {
  /** Globs of template files: the whole file is one body. A glob without "/" matches in any folder. */
  templateFiles?: string[];
  /** Globs of locale files (JSON or YAML) whose selected keys hold bodies. */
  localeFiles?: string[];
  /** Dotted key-path globs that select locale strings: "sms.*", "**.sms_*". */
  keyPatterns?: string[];
  /** Globs of source files whose string literals are searched. */
  sourceFiles?: string[];
  /** Calls whose argument (or a property of an object argument) is a body, e.g. { "callee": "client.messages.create", "property": "body" }. */
  callSites?: CallSiteConfig[];
  /** Template tags: sms`…`. */
  tags?: string[];
  /** A comment starting with this word selects the next string literal. */
  marker?: string;
  /**
   * Files longer than this (UTF-16 units) are skipped with a notice.
   * @minimum 1
   * @asType integer
   */
  maxFileSize?: number;
  /**
   * Source files with a longer line are taken as minified and skipped.
   * @minimum 1
   * @asType integer
   */
  maxLineLength?: number;
}
// Every extraction option is a config key, and no other.
export const filesConfigMatches: Same<keyof FilesConfig, keyof ExtractOptions> = true;

export interface CallSiteConfig {
  /** Callee as written, matched against the end of the call's member chain; "*" matches one segment. */
  callee: string;
  /**
   * Which argument holds the body (0-based); with "property", the object literal at this index.
   * @minimum 0
   * @asType integer
   */
  argument?: number;
  /** The property of an object argument that holds the body, e.g. "body" (in Python, a dict key). */
  property?: string;
  /** A Python keyword argument that holds the body, e.g. "body" in create(body="…"). Without "argument" the call site is for Python only. */
  keyword?: string;
}
export const callSiteMatches: Same<Required<CallSiteConfig>, Required<CallSite>> = true;

// ---------------------------------------------------------------------------------------------

/** A rule's severity; "off" disables it. */
export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';
// Spelled out (not `SeveritySetting`) so the schema has one flat enum; this line keeps them equal.
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
  /** A plan id (catalogue, e.g. "textspot-1000", or one under "plans"), or an inline definition with usage so far. */
  plan?: PlanSpec;
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
  /** Custom plans, by id (an id of a catalogue plan refines it). */
  plans?: { [id: string]: PlanConfig };
  /** Settings for the files matching a glob (monorepos, per-locale copy). */
  overrides?: OverrideConfig[];
}

// ---------------------------------------------------------------------------------------------
// After resolution.

export interface ResolvedRule {
  readonly severity: SeveritySetting;
  readonly options: RuleOptions;
}

/** Config for one file (and optionally one locale): every key present. */
export interface ResolvedConfig {
  readonly profile: string;
  readonly profiles: Readonly<Record<string, PricingProfileConfig>>;
  readonly campaign: {
    readonly recipients: number;
    /** undefined: the profile's default country. */
    readonly country: string | undefined;
    readonly balance: Amount | undefined;
    readonly media: boolean;
  };
  readonly plans: Readonly<Record<string, PlanConfig>>;
  readonly plan: PlanSpec | undefined;
  readonly limits: {
    readonly maxSegments: number | undefined;
    readonly maxCostPerRecipient: Amount | undefined;
    readonly maxCampaignCost: Amount | undefined;
  };
  readonly allowUnicode: boolean | readonly string[];
  readonly variables: Readonly<Record<string, VariableMeta>>;
  readonly variableDefaults: Required<Pick<VariableMeta, 'maxLength' | 'minLength' | 'charset' | 'maxItems'>> & Omit<VariableMeta, 'maxLength' | 'minLength' | 'charset' | 'maxItems'>;
  /** Syntaxes for this file, already chosen by glob. */
  readonly placeholders: readonly PlaceholderSyntax[];
  /** Only the rules the config sets; the registry supplies the rest (see `ruleSetting`). */
  readonly rules: Readonly<Partial<Record<RuleId, ResolvedRule>>>;
  /** Extraction options; globs relative to `baseDir`. */
  readonly files: ExtractOptions;
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
