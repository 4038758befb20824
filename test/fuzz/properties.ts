// The reliability properties of the core, as data: each names an arbitrary and a check that
// throws on failure. test/reliability-core.test.ts runs them on a small budget in CI;
// scripts/fuzz.mjs runs the same ones for minutes.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { analyze, countSegments, fixText, septetsOf } from '../../shared/segments';
import { parseTemplate, templateFigures, type Part } from '../../shared/templates';
import { extractBodies } from '../../shared/extract';
import { parseConfigText, resolveConfig, validateConfig, type ConfigFs, type ResolvedConfig } from '../../shared/config';
import { DEFAULT_CONFIG } from '../../shared/config/defaults';
import { fixAll, lintDocument } from '../../shared/lint';
import type { Range } from '../../shared/types';
import { configObject, fileCase, gsmText, nastyText, templateCase } from './generators';

export interface CoreProperty<T = unknown> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws (an assertion) when the property does not hold. */
  readonly check: (value: T) => void;
  /** Relative cost: the CI budget divides its runs by this. */
  readonly weight?: number;
}

const def = <T>(p: CoreProperty<T>): CoreProperty => p as CoreProperty;

function assertRange(r: Range, length: number, what: string): void {
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `${what}: non-integer range ${JSON.stringify(r)}`);
  assert.ok(r.start >= 0 && r.start <= r.end && r.end <= length, `${what}: range ${JSON.stringify(r)} outside 0..${length}`);
}

// The reference calculator, loaded at run time (tests keep packages external).
const requireHere = createRequire(__filename);
type RefMessage = { encodingName: string; segmentsCount: number };
let Reference: (new (s: string) => RefMessage) | undefined;
function reference(s: string): RefMessage {
  Reference ??= (requireHere('sms-segments-calculator') as { SegmentedMessage: new (s: string) => RefMessage }).SegmentedMessage;
  return new Reference(s);
}

const NON_GSM_KINDS = new Set(['non-gsm', 'invisible', 'decomposed']);

function walkParts(parts: readonly Part[], length: number, visit: (r: Range, what: string) => void): void {
  for (const p of parts) {
    visit(p.range, `${p.kind} part`);
    if (p.kind === 'branch') for (const b of p.branches) walkParts(b.parts, length, visit);
    if (p.kind === 'repeat') {
      walkParts(p.body, length, visit);
      walkParts(p.empty, length, visit);
    }
    if (p.kind === 'variable') for (const f of p.filters) visit(f.range, 'filter');
  }
}

/** An in-memory file system holding one config file at the root. */
function configFs(text: string | undefined): ConfigFs {
  const files: Record<string, string> = { '/r/.git': '' };
  if (text !== undefined) files['/r/.smslintrc.json'] = text;
  return { readFile: (p) => files[p], exists: (p) => p in files };
}

function resolved(config: Record<string, unknown> | undefined, path: string, asBase: boolean): ResolvedConfig {
  if (config === undefined) return DEFAULT_CONFIG;
  // Settings from the editor arrive as `base`; the server validates them with the config schema first.
  if (asBase) {
    const v = validateConfig(parseConfigText('settings', JSON.stringify(config), 'json'));
    const ok = v.config && !v.problems.some((p) => p.severity === 'error');
    return resolveConfig(path, configFs(undefined), ok ? { base: v.config! } : {}).config;
  }
  return resolveConfig(path, configFs(JSON.stringify(config)), {}).config;
}

const lintCase = fc.record({ file: fileCase, config: fc.option(configObject, { nil: undefined }), asBase: fc.boolean() });

export const CORE_PROPERTIES: readonly CoreProperty[] = [
  def({
    name: 'analyze never throws; counts and findings lie inside the text',
    arbitrary: nastyText,
    check: (text) => {
      const a = analyze(text);
      assert.equal(a.length, text.length);
      assert.ok(a.segments >= 1, 'at least one segment');
      assert.equal(a.segmentStarts.length, a.segments);
      let prev = -1;
      for (const s of a.segmentStarts) {
        assert.ok(s > prev && s >= 0 && (s < text.length || (s === 0 && text.length === 0)), `segment start ${s} out of order or outside the text`);
        prev = s;
      }
      let at = 0;
      for (const f of a.findings) {
        assertRange(f, text.length, `finding ${f.kind} ${f.name}`);
        assert.ok(f.end > f.start, 'empty finding');
        assert.ok(f.start >= at, 'findings overlap or are out of order');
        assert.equal(f.char, text.slice(f.start, f.end));
        at = f.end;
      }
      for (const e of a.fixed.edits) assertRange(e.range, text.length, 'fix edit');
    },
  }),
  def({
    name: 'segment count is monotonic under appending GSM text (ours and the reference)',
    arbitrary: fc.tuple(nastyText, gsmText(200)),
    weight: 3,
    check: ([text, tail]) => {
      const before = countSegments(text);
      const after = countSegments(text + tail);
      assert.ok(after.segments >= before.segments, `ours: ${before.segments} segments, ${after.segments} after appending ${JSON.stringify(tail)}`);
      assert.ok(before.encoding === 'GSM-7' || after.encoding === 'UCS-2', 'appending GSM text turned UCS-2 text into GSM-7');
      const rb = reference(text).segmentsCount;
      const ra = reference(text + tail).segmentsCount;
      assert.ok(ra >= rb, `reference: ${rb} segments, ${ra} after appending`);
    },
  }),
  def({
    name: 'no non-GSM finding <=> GSM-7; every non-GSM unit is inside a finding',
    arbitrary: nastyText,
    check: (text) => {
      const a = analyze(text);
      const nonGsm = a.findings.filter((f) => NON_GSM_KINDS.has(f.kind));
      assert.equal(a.encoding === 'GSM-7', nonGsm.length === 0, `encoding ${a.encoding} with ${nonGsm.length} non-GSM findings`);
      let k = 0;
      for (let i = 0; i < text.length; i++) {
        const sp = septetsOf(text.charCodeAt(i));
        while (k < a.findings.length && a.findings[k]!.end <= i) k++;
        const f = a.findings[k];
        const covered = f !== undefined && f.start <= i;
        if (sp === 0) assert.ok(covered && NON_GSM_KINDS.has(f.kind), `non-GSM unit at ${i} (U+${text.charCodeAt(i).toString(16)}) has no non-GSM finding`);
        if (sp === 2) assert.ok(covered, `extension character at ${i} has no finding`);
      }
    },
  }),
  def({
    name: 'fixing never adds segments; a second fix changes nothing',
    arbitrary: nastyText,
    check: (text) => {
      const once = fixText(text);
      assert.equal(once.count.segments, countSegments(once.text).segments, 'fixed count is stale');
      assert.ok(once.count.segments <= countSegments(text).segments, `fix grew ${countSegments(text).segments} -> ${once.count.segments} segments: ${JSON.stringify(once.text)}`);
      const twice = fixText(once.text);
      assert.deepEqual(twice.edits, [], `second fix still edits ${JSON.stringify(once.text)}`);
    },
  }),
  def({
    name: 'templates: parse and figures never throw; every range lies inside the body',
    arbitrary: templateCase,
    weight: 2,
    check: ({ syntax, body }) => {
      const t = parseTemplate(body, syntax);
      for (const f of t.findings) {
        assertRange(f.range, body.length, `template finding ${f.code}`);
        assert.ok(!/^Could not parse/.test(f.message), `parser threw: ${f.message}`);
      }
      walkParts(t.parts, body.length, (r, what) => assertRange(r, body.length, what));
      const figs = templateFigures(t);
      for (const fig of [figs.best, figs.worst, ...(figs.sample ? [figs.sample] : [])]) {
        assert.ok(fig.segments >= 1 && Number.isFinite(fig.units), `figure ${JSON.stringify(fig)}`);
      }
      assert.ok(figs.best.segments <= figs.worst.segments, `best ${figs.best.segments} > worst ${figs.worst.segments}`);
    },
  }),
  def({
    name: 'extraction never throws; every body and problem lies inside the file',
    arbitrary: fileCase,
    weight: 2,
    check: ({ path, text }) => {
      const r = extractBodies(path, text);
      for (const p of r.problems) {
        assertRange(p.range, text.length, `problem ${p.kind}`);
        assert.ok(!/^Extraction failed/.test(p.message), `extractor threw: ${p.message}`);
      }
      for (const b of r.bodies) assertRange(b.range, text.length, `body (${b.selectedBy})`);
    },
  }),
  def({
    name: 'lintDocument never throws for any path, text and config; findings and fixes lie inside the file',
    arbitrary: lintCase,
    weight: 4,
    check: ({ file: { path, text }, config, asBase }) => {
      const cfg = resolved(config, path, asBase);
      const r = lintDocument({ path, text }, cfg);
      for (const f of r.findings) {
        assertRange(f.range, text.length, `finding ${f.ruleId}`);
        assert.ok(typeof f.message === 'string' && f.message.length > 0, `finding ${f.ruleId} without a message`);
        for (const fix of f.fixes) for (const e of fix.edits) assertRange(e.range, text.length, `fix of ${f.ruleId}`);
      }
      for (const b of r.bodies) assertRange(b.range, text.length, 'body');
      const fixed = fixAll(text, r);
      if (fixed.edits.length) lintDocument({ path, text: fixed.text }, cfg);
    },
  }),
  def({
    name: 'fix-all on a template file never adds segments; a second fix-all changes nothing',
    arbitrary: fc.tuple(nastyText, fc.constantFrom('/r/a.sms', '/r/a.sms.txt')),
    weight: 2,
    check: ([text, path]) => {
      const first = lintDocument({ path, text }, DEFAULT_CONFIG);
      const fixed = fixAll(text, first);
      if (!fixed.edits.length) return;
      const second = lintDocument({ path, text: fixed.text }, DEFAULT_CONFIG);
      const before = first.bodies[0]?.figures.segments.worst ?? 0;
      const after = second.bodies[0]?.figures.segments.worst ?? 0;
      assert.ok(after <= before, `fix-all grew the worst case ${before} -> ${after} segments: ${JSON.stringify(fixed.text)}`);
      assert.deepEqual(fixAll(fixed.text, second).edits, [], `second fix-all still edits ${JSON.stringify(fixed.text)}`);
    },
  }),
];

export interface RunOptions {
  readonly seed: number;
  /** Runs of a weight-1 property. */
  readonly runs: number;
  /** Wall-clock cap per property (ms); runs stop early, without failing, when it is reached. */
  readonly timeLimitMs: number;
}

export interface RunReport {
  readonly name: string;
  readonly runs: number;
  readonly failure?: string;
}

/** Runs one property; a failure message carries the seed, the path and the counterexample. */
export function runProperty(p: CoreProperty, o: RunOptions): RunReport {
  let runs = 0;
  const prop = fc.property(p.arbitrary, (v) => {
    runs++;
    p.check(v);
  });
  const details = fc.check(prop, {
    seed: o.seed,
    numRuns: Math.max(1, Math.round(o.runs / (p.weight ?? 1))),
    interruptAfterTimeLimit: o.timeLimitMs,
    markInterruptAsFailure: false,
  });
  if (!details.failed) return { name: p.name, runs: details.numRuns };
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const example = details.counterexample ? fc.stringify(details.counterexample[0]) : '?';
  return {
    name: p.name,
    runs: Math.max(runs, details.numRuns),
    failure: `${cause}\n  seed ${o.seed}, path "${details.counterexamplePath}" (replay: SMSLINT_SEED=${o.seed})\n  counterexample: ${example.length > 2000 ? example.slice(0, 2000) + '…' : example}`,
  };
}
