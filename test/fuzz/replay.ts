// Replays one failing case: node dist/fuzz/replay.js <property name prefix> <seed> <path>; writes /tmp/counterexample.json.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { CORE_PROPERTIES } from './properties';
const [name, seed, path] = process.argv.slice(2);
const p = CORE_PROPERTIES.find((x) => x.name.startsWith(name!))!;
const d = fc.check(fc.property(p.arbitrary, (v) => { p.check(v); }), { seed: Number(seed), path, endOnFailure: true });
writeFileSync('/tmp/counterexample.json', JSON.stringify(d.counterexample?.[0]));
console.log(d.failed, String(d.errorInstance).slice(0, 300));
try { p.check(d.counterexample![0]); } catch (e) { console.log((e as Error).stack?.split('\n').slice(0, 12).join('\n')); }
