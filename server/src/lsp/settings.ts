// The client's `smslint.*` settings, as the config layer under every config file (`base`).
import { parseConfigText, validateConfig, type SmslintConfig } from '../../../shared/config';

export interface Settings {
  /** undefined when there are no usable settings (none, or invalid: see `problems`). */
  readonly base: SmslintConfig | undefined;
  /** Stable text of `base`: documents with equal settings share one config resolver. */
  readonly key: string;
  readonly problems: readonly string[];
}

export const NO_SETTINGS: Settings = { base: undefined, key: '', problems: [] };

// Keys of the settings section that are about the editor, not the config model.
const EDITOR_ONLY = new Set(['trace']);

/**
 * Turns the settings object into a config layer, validated by the same schema as config files.
 * A bad or unknown setting is dropped on its own (with a problem), not with every other setting.
 */
export function settingsFrom(raw: unknown): Settings {
  if (!isPlainObject(raw)) return NO_SETTINGS;
  const cleaned = withoutNulls(Object.fromEntries(Object.entries(raw).filter(([k]) => !EDITOR_ONLY.has(k)))) as Record<string, unknown>;
  // Nothing to check (and the schema validator is costly to build on first use).
  if (Object.keys(cleaned).length === 0) return NO_SETTINGS;
  const problems: string[] = [];
  let kept = cleaned;
  if (invalid(cleaned)) {
    kept = {};
    for (const [key, value] of Object.entries(cleaned)) {
      if (!invalid({ [key]: value })) kept[key] = value;
      else if (isPlainObject(value)) {
        // One level down: a bad `files.x` keeps the good `files.y`.
        const sub: Record<string, unknown> = {};
        for (const [k2, v2] of Object.entries(value)) {
          const why = invalid({ [key]: { [k2]: v2 } });
          if (why) problems.push(...why);
          else sub[k2] = v2;
        }
        if (Object.keys(sub).length > 0) kept[key] = sub;
      } else problems.push(...invalid({ [key]: value })!);
    }
  }
  if (Object.keys(kept).length === 0) return { ...NO_SETTINGS, problems };
  return { base: kept as SmslintConfig, key: JSON.stringify(kept), problems };
}

/** The schema errors of a settings object, or undefined when it is a valid config. */
function invalid(value: Record<string, unknown>): string[] | undefined {
  const { config, problems } = validateConfig(parseConfigText('smslint settings', JSON.stringify(value), 'json'));
  const errors = problems.filter((p) => p.severity === 'error');
  if (config && errors.length === 0) return undefined;
  return errors.length > 0 ? errors.map((p) => `smslint.${p.keyPath}: ${p.message}`) : ['invalid settings'];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// VS Code reports an unset setting as its default, which for "no value" settings is null.
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}

/** Settings per scope (document URI), fetched once and kept until the client says they changed. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  constructor(private readonly fetch: (scopeUri: string) => Promise<unknown>) {}

  get(scopeUri: string): Promise<Settings> {
    let hit = this.cache.get(scopeUri);
    if (!hit) {
      hit = this.fetch(scopeUri).then(settingsFrom, () => NO_SETTINGS);
      this.cache.set(scopeUri, hit);
    }
    return hit;
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  clear(): void {
    this.cache.clear();
  }
}
