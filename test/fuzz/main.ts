// The long fuzz (`npm run fuzz`, via scripts/fuzz.mjs): every core property for a wall-clock
// budget, seed after seed. Prints cases run and each failure with its seed and counterexample.
import { CORE_PROPERTIES, runProperty } from './properties';

const seconds = Number(process.env.SMSLINT_FUZZ_SECONDS ?? 300);
const firstSeed = process.env.SMSLINT_SEED ? Number(process.env.SMSLINT_SEED) : (Date.now() ^ (process.pid << 16)) >>> 0;
const deadline = Date.now() + seconds * 1000;

const runs = new Map<string, number>(CORE_PROPERTIES.map((p) => [p.name, 0]));
const failures: string[] = [];
let seed = firstSeed;
let rounds = 0;
while (Date.now() < deadline) {
  for (const p of CORE_PROPERTIES) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const r = runProperty(p, { seed, runs: 2000, timeLimitMs: Math.min(left, 10_000) });
    runs.set(p.name, runs.get(p.name)! + r.runs);
    if (r.failure) {
      failures.push(`✘ ${p.name}\n  ${r.failure}`);
      console.log(failures[failures.length - 1]);
    }
  }
  rounds++;
  seed = (seed + 0x9e3779b9) >>> 0;
}

let total = 0;
console.log(`\nsmslint fuzz: ${seconds} s, ${rounds} rounds, seeds ${firstSeed}… (each round adds 0x9e3779b9)`);
for (const [name, n] of runs) {
  total += n;
  console.log(`  ${String(n).padStart(8)}  ${name}`);
}
console.log(`  ${String(total).padStart(8)}  cases in all; ${failures.length} failure(s)`);
process.exitCode = failures.length ? 1 : 0;
