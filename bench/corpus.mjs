// One seeded corpus of SMS templates shared by the benchmarks: mostly plain GSM-7, some with
// extension characters, curly quotes, accents and emoji, lengths around the segment boundaries.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'your order has shipped and will arrive on Monday reply STOP to opt out thanks for shopping with us code expires in minutes hi there appointment reminder tomorrow at call us if you need to reschedule'.split(' ');
const SPICE = ['’', '“', '”', '—', '…', '€', '{', '}', '[', ']', '😀', '👍🏽', 'é', 'ñ', 'Zoë', '\u00a0', '中文', '👨‍👩‍👧'];

export function corpus(count = 20_000, seed = 20261125) {
  const r = mulberry32(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const target = 40 + Math.floor(r() * 320);
    const spicy = r() < 0.35;
    let s = '';
    while (s.length < target) {
      s += (s ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
      if (spicy && r() < 0.04) s += SPICE[Math.floor(r() * SPICE.length)];
    }
    out.push(s);
  }
  return out;
}
