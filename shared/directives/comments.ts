// Finds the comments of a host language that can hold directives. Not a full lexer: a directive
// must open its comment (`// smslint-disable …`), so text that merely mentions one is ignored,
// and a string that happens to contain "// smslint-…" is the only false positive.

export type CommentStyle =
  /** `// …` */
  | 'slash'
  /** `/* … *\/` */
  | 'block'
  /** `# …` (YAML, Python, shell, .properties) */
  | 'hash'
  /** `# …` only inside a leading `---` front-matter block (plain .sms templates: the body itself has no comments) */
  | 'front-matter'
  /** `{{! … }}` and `{{!-- … --}}` */
  | 'mustache'
  /** `{% comment %}…{% endcomment %}` and `{% # … %}` */
  | 'liquid'
  /** `<!-- … -->` */
  | 'html';

export interface Comment {
  /** Offsets of the whole comment, delimiters included. */
  readonly start: number;
  readonly end: number;
  /** Offset of `text` in the document. */
  readonly textStart: number;
  /** The comment's content without delimiters. */
  readonly text: string;
  readonly style: CommentStyle;
}

interface Pattern {
  readonly open: RegExp;
  /** undefined: the comment runs to the end of the line. */
  readonly close?: RegExp;
}

const PATTERNS: Record<Exclude<CommentStyle, 'front-matter'>, readonly Pattern[]> = {
  slash: [{ open: /\/\//g }],
  block: [{ open: /\/\*\*?/g, close: /\*\//g }],
  hash: [{ open: /#/g }],
  mustache: [
    { open: /\{\{~?!--/g, close: /--~?\}\}/g },
    { open: /\{\{~?!(?!--)/g, close: /~?\}\}/g },
  ],
  liquid: [
    { open: /\{%-?\s*comment\s*-?%\}/g, close: /\{%-?\s*endcomment\s*-?%\}/g },
    { open: /\{%-?\s*#/g, close: /-?%\}/g },
  ],
  html: [{ open: /<!--/g, close: /-->/g }],
};

/** Every comment of the given styles, in document order: one left-to-right pass, as a lexer would. */
export function findComments(text: string, styles: readonly CommentStyle[]): Comment[] {
  const out: Comment[] = [];
  if (styles.includes('front-matter')) {
    const fm = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
    if (fm) scan(fm[1]!, text.indexOf(fm[1]!, 3), PATTERNS.hash.map((p) => ({ ...p, style: 'front-matter' as const })), out);
  }
  const patterns = styles.flatMap((st) => (st === 'front-matter' ? [] : PATTERNS[st].map((p) => ({ ...p, style: st }))));
  scan(text, 0, patterns, out);
  return out.sort((a, b) => a.start - b.start);
}

type StyledPattern = Pattern & { readonly style: CommentStyle };

function scan(text: string, base: number, patterns: readonly StyledPattern[], out: Comment[]): void {
  const opens = patterns.map((p) => new RegExp(p.open.source, 'g'));
  // Each pattern's next match at or after `pos`, kept between rounds so the text is scanned
  // once per pattern rather than once per comment (null: no more matches).
  const next: (RegExpExecArray | null | undefined)[] = patterns.map(() => undefined);
  const nextOf = (i: number, pos: number): RegExpExecArray | null => {
    const cached = next[i];
    if (cached === null || (cached && cached.index >= pos)) return cached;
    const re = opens[i]!;
    re.lastIndex = pos;
    let m: RegExpExecArray | null;
    // "#" inside a word ("order#12", "C#") is not a comment.
    while ((m = re.exec(text)) && m[0] === '#' && m.index > 0 && !/\s/.test(text[m.index - 1]!));
    next[i] = m;
    return m;
  };
  let pos = 0;
  while (pos < text.length) {
    // The earliest opener wins (the longest at a tie: "/**" over "/*"); a "//" inside a block
    // comment is never seen because the scan resumes after the block's end.
    let best: { m: RegExpExecArray; p: StyledPattern } | undefined;
    patterns.forEach((p, i) => {
      const m = nextOf(i, pos);
      if (m && (!best || m.index < best.m.index || (m.index === best.m.index && m[0].length > best.m[0].length))) best = { m, p };
    });
    if (!best) return;
    const { m, p } = best;
    const textStart = m.index + m[0].length;
    let end: number;
    let textEnd: number;
    if (p.close) {
      const close = new RegExp(p.close.source, 'g');
      close.lastIndex = textStart;
      const c = close.exec(text);
      // An unclosed comment holds no directive; go on after its opener.
      if (!c) {
        pos = textStart;
        continue;
      }
      textEnd = c.index;
      end = c.index + c[0].length;
    } else {
      const nl = text.slice(textStart).search(/\r?\n|\r/);
      end = textEnd = nl < 0 ? text.length : textStart + nl;
    }
    out.push({ start: base + m.index, end: base + end, textStart: base + textStart, text: text.slice(textStart, textEnd), style: p.style });
    pos = Math.max(end, m.index + 1);
  }
}

/** The comment styles of a file, by its name. */
export function commentStylesForPath(path: string): readonly CommentStyle[] {
  const name = path.replaceAll('\\', '/').split('/').pop()!.toLowerCase();
  if (/\.sms(\.txt)?$/.test(name)) return ['front-matter'];
  if (/\.(hbs|handlebars|mustache)$/.test(name)) return ['front-matter', 'mustache'];
  if (name.endsWith('.liquid')) return ['front-matter', 'liquid'];
  if (/\.(m|c)?[jt]sx?$/.test(name) || /\.(java|kt|kts|go|cs|swift|dart|php|c|cc|cpp|h|hpp|rs|scala)$/.test(name)) return ['slash', 'block'];
  if (/\.(ya?ml|py|rb|sh|bash|zsh|properties|toml|ex|exs|r)$/.test(name)) return ['hash'];
  if (/\.(html?|xml|xliff|xlf|vue|svelte)$/.test(name)) return ['html', 'slash', 'block'];
  return [];
}
