// Path arithmetic for discovery without node:path, so the core stays platform-free. Accepts both
// separators (a Windows path from the editor, a POSIX path from CI) and keeps the one it was given.

function sepOf(p: string): string {
  return p.includes('\\') && !p.includes('/') ? '\\' : '/';
}

function trimTrailing(p: string): string {
  let end = p.length;
  while (end > 1 && (p[end - 1] === '/' || p[end - 1] === '\\') && !/^[A-Za-z]:[\\/]$/.test(p.slice(0, end))) end--;
  return p.slice(0, end);
}

/** The parent directory; a root ("/", "C:\\") is its own parent. */
export function dirname(p: string): string {
  const t = trimTrailing(p);
  const i = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
  if (i < 0) return t;
  if (i === 0) return t[0]!;
  if (i === 2 && /^[A-Za-z]:/.test(t)) return t.slice(0, 3);
  return t.slice(0, i);
}

export function join(dir: string, name: string): string {
  const d = trimTrailing(dir);
  return d.endsWith('/') || d.endsWith('\\') ? d + name : d + sepOf(d) + name;
}

/** `file` relative to `dir` with "/" separators, or undefined when it is not inside `dir`. */
export function relativeInside(dir: string, file: string): string | undefined {
  const d = trimTrailing(dir).replaceAll('\\', '/');
  const f = file.replaceAll('\\', '/');
  if (f === d) return '';
  const prefix = d.endsWith('/') ? d : d + '/';
  return f.startsWith(prefix) ? f.slice(prefix.length) : undefined;
}
