// Validates a parsed config against the generated JSON Schema and turns ajv's errors into
// messages a user can act on: the key path, what was expected, what was found, a likely typo.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/smslint.schema.json';
import type { KeyPath, ParsedConfigText } from './parse';
import type { ConfigProblem, SmslintConfig } from './types';
import { closest } from './suggest';

type Schema = { [k: string]: unknown };
const definitions = (schema as { definitions: Record<string, Schema> }).definitions;

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  // Compiled on first use: most editor sessions never open a config.
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema);
  return compiled;
}

/** Schema problems of `parsed.value`; empty when it is a valid config. */
export function validateConfig(parsed: ParsedConfigText): { config: SmslintConfig | undefined; problems: ConfigProblem[] } {
  const validate = validator();
  if (validate(parsed.value)) {
    const config = parsed.value as SmslintConfig;
    return { config, problems: semanticProblems(config, parsed) };
  }
  const problems = simplify(validate.errors ?? [])
    .map((e) => toProblem(e, parsed))
    .sort((a, b) => a.range.start - b.range.start);
  // One message per key and text is enough, whatever ajv's branches produced.
  const seen = new Set<string>();
  return {
    config: undefined,
    problems: problems.filter((p) => {
      const k = `${p.keyPath}\u0000${p.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }),
  };
}

function semanticProblems(config: SmslintConfig, parsed: ParsedConfigText): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const checkVars = (vars: SmslintConfig['variables'], at: KeyPath) => {
    for (const [name, meta] of Object.entries(vars ?? {})) {
      if (meta.minLength !== undefined && meta.maxLength !== undefined && meta.minLength > meta.maxLength) {
        out.push(parsed.problem('schema', [...at, name, 'minLength'], `minLength (${meta.minLength}) is greater than maxLength (${meta.maxLength}).`));
      }
    }
  };
  checkVars(config.variables, ['variables']);
  config.overrides?.forEach((o, i) => checkVars(o.variables, ['overrides', i, 'variables']));
  return out;
}

function pathOf(pointer: string): KeyPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function within(p: string, parent: string): boolean {
  return p === parent || p.startsWith(parent + '/');
}

interface Shaped {
  readonly path: KeyPath;
  readonly key: boolean;
  readonly unknownKey: boolean;
  readonly message: string;
}

/**
 * ajv reports every failed branch of an anyOf. When the value matched a branch structurally
 * (its errors are deeper than the anyOf), keep only those deeper errors; otherwise replace the
 * branches with one "expected A or B" message.
 */
function simplify(errors: readonly ErrorObject[]): Shaped[] {
  // Outermost first; at one path ajv lists an inner anyOf before the one that contains it.
  const branches = errors
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.e.instancePath.length - b.e.instancePath.length || b.i - a.i)
    .map(({ e }) => e);
  let rest = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const out: Shaped[] = [];
  for (const a of branches) {
    const under = rest.filter((e) => within(e.instancePath, a.instancePath));
    if (under.length === 0) continue;
    const here = under.filter((e) => e.instancePath === a.instancePath);
    const deeper = under.filter((e) => e.instancePath !== a.instancePath);
    // A branch whose type matched but whose bound or pattern failed says the most ("≥ 0").
    const bounds = here.filter((e) => !['type', 'enum', 'const', 'required', 'additionalProperties'].includes(e.keyword));
    if (deeper.length > 0) {
      rest = rest.filter((e) => !here.includes(e));
    } else if (bounds.length > 0) {
      rest = rest.filter((e) => !here.includes(e) || bounds.includes(e));
    } else {
      rest = rest.filter((e) => !under.includes(e));
      const expected = alternatives(a.schema as Schema[]);
      const guess = typeof a.data === 'string' ? closest(a.data, enumValues(a.schema as Schema[], 0)) : undefined;
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      out.push({ path: pathOf(a.instancePath), key: false, unknownKey: false, message: `expected ${orList(expected)}, got ${describeValue(a.data)}.${hint}` });
    }
  }
  return [...out, ...rest.map(shape)];
}

function shape(e: ErrorObject): Shaped {
  const path = pathOf(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const got = describeValue(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys(((e.parentSchema as Schema).properties as Schema | undefined) ?? {});
      const guess = closest(name, known);
      const where = path.length ? `in ${formatPath(path)}` : 'at the top level';
      return {
        path: [...path, name],
        key: true,
        unknownKey: true,
        message: `Unknown key "${name}" ${where}.${guess ? ` Did you mean "${guess}"?` : known.length ? ` Expected one of: ${known.map((k) => `"${k}"`).join(', ')}.` : ''}`,
      };
    }
    case 'required':
      return { path, key: true, unknownKey: false, message: `missing the required key "${String(p.missingProperty)}".` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const guess = typeof e.data === 'string' ? closest(e.data, (p.allowedValues as unknown[]).map(String)) : undefined;
      return { path, key: false, unknownKey: false, message: `expected one of ${allowed.join(', ')}, got ${got}.${guess ? ` Did you mean "${guess}"?` : ''}` };
    }
    case 'const':
      return { path, key: false, unknownKey: false, message: `expected ${JSON.stringify(p.allowedValue)}, got ${got}.` };
    case 'type':
      return { path, key: false, unknownKey: false, message: `expected ${orList(describeSchema(e.parentSchema as Schema, 0))}, got ${got}.` };
    case 'pattern':
      return { path, key: false, unknownKey: false, message: `expected ${patternMeaning(String(p.pattern))}, got ${got}.` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, key: false, unknownKey: false, message: `expected a number ${String(p.comparison)} ${String(p.limit)}, got ${got}.` };
    case 'minItems':
    case 'maxItems':
      return {
        path,
        key: false,
        unknownKey: false,
        message: Array.isArray((e.parentSchema as Schema).items)
          ? `expected [severity, options], got ${got}.`
          : `expected ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} items, got ${got}.`,
      };
    default:
      return { path, key: false, unknownKey: false, message: `${e.message ?? 'is invalid'}.` };
  }
}

function toProblem(s: Shaped, parsed: ParsedConfigText): ConfigProblem {
  const where = s.path.length && !s.unknownKey ? `${formatPath(s.path)}: ` : '';
  return parsed.problem(s.unknownKey ? 'unknown-key' : 'schema', s.path, where + s.message, s.key);
}

function formatPath(path: KeyPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

function patternMeaning(pattern: string): string {
  if (pattern.includes('A-Za-z]{2}')) return 'a two-letter country code like "US"';
  if (pattern.includes('\\$?')) return 'an amount of money like 0.01, "0.01" or "$1,234.56"';
  return `text matching ${pattern}`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function alternatives(branches: readonly Schema[]): string[] {
  return [...new Set(describeSchema({ anyOf: branches }, 0))];
}

function deref(s: Schema): Schema {
  const ref = s.$ref as string | undefined;
  return ref ? (definitions[ref.replace('#/definitions/', '')] ?? {}) : s;
}

/** The values a schema allows when it is only literals ("a" | "b"), else undefined. */
function literals(s: Schema, depth: number): unknown[] | undefined {
  if (depth > 6) return undefined;
  const d = deref(s);
  if (Array.isArray(d.enum)) return d.enum as unknown[];
  if ('const' in d) return [d.const];
  if (Array.isArray(d.anyOf)) {
    const parts = (d.anyOf as Schema[]).map((b) => literals(b, depth + 1));
    return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
}

function describeSchema(s: Schema, depth: number): string[] {
  if (depth > 6) return ['a value'];
  const lits = literals(s, depth);
  if (lits) return [oneOf(lits)];
  const ref = s.$ref as string | undefined;
  if (ref) {
    const name = ref.replace('#/definitions/', '');
    if (name === 'MoneyString' || name === 'Money' || name === 'MoneyInput') return ['an amount of money like 0.01 or "$1,234.56"'];
    if (name === 'CreditAmount') return ['{ "credits": <whole number> }'];
    return definitions[name] ? describeSchema(definitions[name]!, depth + 1) : ['a value'];
  }
  if (Array.isArray(s.anyOf)) {
    // Literal branches read as one list: "one of "auto", "mustache"…" rather than one per branch.
    const branches = s.anyOf as Schema[];
    const litValues = branches.map((b) => literals(b, depth + 1));
    const merged = litValues.flatMap((v) => v ?? []);
    const rest = branches.filter((_, i) => !litValues[i]).flatMap((b) => describeSchema(b, depth + 1));
    return merged.length ? [oneOf(merged), ...rest] : rest;
  }
  if (s.type === 'array' && Array.isArray(s.items)) return ['[severity, options]'];
  if (s.type === 'array' && s.items) {
    const item = orList(describeSchema(s.items as Schema, depth + 1));
    return [item.startsWith('one of') ? 'a list of those' : `a list of ${item}`];
  }
  if (typeof s.type === 'string') return [article(s.type)];
  return ['a value'];
}

function enumValues(branches: readonly Schema[], depth: number): string[] {
  return branches.flatMap((b) => (literals(b, depth) ?? []).filter((v): v is string => typeof v === 'string'));
}

function orList(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? 'a value') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return String(v);
}
