// The extraction tokenizer against js-tokens (the tokenizer Babel's code frames use) on real
// code: both must find the same string, template and regex tokens at the same offsets.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsTokens from 'js-tokens';
import { scanJs, Tok } from '../shared/extract/js-scanner';

const ROOT = join(__dirname, '..', '..');

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(?:[cm]?js|[cm]?ts|tsx)$/.test(name) && !name.endsWith('.d.ts') && statSync(p).size < 300_000) out.push(p);
  }
  return out;
}

function literalTokens(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const t of jsTokens(text)) {
    if (t.type === 'StringLiteral' || t.type === 'RegularExpressionLiteral' || t.type.startsWith('Template') || t.type === 'NoSubstitutionTemplate') {
      out.push(`${pos}+${t.value.length}`);
    }
    pos += t.value.length;
  }
  return out;
}

function scannedTokens(text: string): string[] {
  const t = scanJs(text, 'smslint-template');
  const out: string[] = [];
  for (let k = 0; k < t.count; k++) {
    const ty = t.type[k];
    if (ty === Tok.Str || ty === Tok.Regex || ty === Tok.Template || ty === Tok.TemplateHead || ty === Tok.TemplateMiddle || ty === Tok.TemplateTail) {
      out.push(`${t.start[k]}+${t.end[k] - t.start[k]}`);
    }
  }
  return out;
}

describe('extract: JS tokenizer agrees with js-tokens on real code', () => {
  const corpus = [
    ...['shared', 'server', 'client', 'test', 'bench'].flatMap((d) => walk(join(ROOT, d), [])),
    ...['yaml/dist', 'jsonc-parser/lib', 'picomatch/lib', 'ajv/dist/compile'].flatMap((d) => walk(join(ROOT, 'node_modules', d), [])),
  ];

  it('covers a real corpus', () => {
    assert.ok(corpus.length > 50, `only ${corpus.length} files`);
  });

  it('finds the same string, template and regex tokens in every file', () => {
    const mismatches: string[] = [];
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      const want = literalTokens(text);
      const got = scannedTokens(text);
      if (want.join() !== got.join()) {
        const gs = new Set(got);
        const ws = new Set(want);
        const first = [...want.filter((x) => !gs.has(x)), ...got.filter((x) => !ws.has(x))].map((x) => Number(x.split('+')[0])).sort((a, b) => a - b)[0];
        mismatches.push(`${file.slice(ROOT.length + 1)} @${first}: ${JSON.stringify(text.slice(Math.max(0, first - 40), first + 40))}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
