// What to extract, as plain JSON-able data (the config schema embeds ExtractOptions).

/**
 * A call whose argument (or a property of an object-literal argument) is an SMS body.
 * `callee` is a dotted path matched against the end of the call's member chain, so
 * `client.messages.create` also matches `this.client.messages.create(...)`; a `*` segment
 * matches any one segment (`*.messages.create`).
 */
export interface CallSite {
  readonly callee: string;
  /** Zero-based argument index. With `property`, the object literal at this index; alone, the argument itself. */
  readonly argument?: number;
  /** Property of an object-literal argument, e.g. `body` in `create({ to, body: '…' })` (in Python, a dict display's string key). */
  readonly property?: string;
  /**
   * Python keyword argument, e.g. `body` in `create(body="…", to=…)`. With `argument` too, either
   * form selects; without `argument` the site is for Python only (JS has no keyword arguments).
   */
  readonly keyword?: string;
}

export interface ExtractOptions {
  /** Globs of template files: the whole file is one body. */
  readonly templateFiles: readonly string[];
  /** Globs of locale files (JSON or YAML) whose selected keys hold bodies. */
  readonly localeFiles: readonly string[];
  /**
   * Dotted key-path globs that select locale strings: `sms.*`, `**.sms_*`. `*` matches one key,
   * `**` any number. A pattern also matches with the top-level locale key left out (Rails
   * `en:`), a plural/context suffix (`welcome_one`) left out, or a plural leaf (`welcome.one`).
   */
  readonly keyPatterns: readonly string[];
  /** Globs of source files whose string literals are searched. */
  readonly sourceFiles: readonly string[];
  readonly callSites: readonly CallSite[];
  /** Template tags: sms`…` (dotted paths allowed, matched like callees). */
  readonly tags: readonly string[];
  /** A comment starting with this word selects the next string literal. */
  readonly marker: string;
  /** Files longer than this (UTF-16 units) are skipped with a notice. */
  readonly maxFileSize: number;
  /** Source files with a longer line are taken as minified and skipped. */
  readonly maxLineLength: number;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  templateFiles: ['*.sms', '*.sms.txt', '*.sms.hbs', '*.sms.liquid', '*.sms.mustache'],
  localeFiles: [
    '**/locales/**/*.{json,yml,yaml}',
    '**/locale/**/*.{json,yml,yaml}',
    '**/i18n/**/*.{json,yml,yaml}',
    '**/lang/**/*.{json,yml,yaml}',
    '**/translations/**/*.{json,yml,yaml}',
    '*.sms.{json,yml,yaml}',
  ],
  keyPatterns: ['sms', 'sms.**', '**.sms', '**.sms.**', '**.sms_*'],
  sourceFiles: ['*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', '*.py'],
  callSites: [
    { callee: 'client.messages.create', property: 'body' },
    { callee: 'twilio.messages.create', property: 'body' },
    { callee: 'sendSms', argument: 0 },
    // Python: twilio's client takes keyword arguments.
    { callee: 'client.messages.create', keyword: 'body' },
    { callee: 'twilio.messages.create', keyword: 'body' },
    { callee: 'send_sms', argument: 0 },
  ],
  tags: ['sms'],
  marker: 'smslint-template',
  maxFileSize: 2_000_000,
  maxLineLength: 10_000,
};
