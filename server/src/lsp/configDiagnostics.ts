// Config problems shown where they are: as diagnostics on the config file, at their line and
// column. Each file's set is sent only when it changes; a relint pass clears files no longer at fault.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem, ConfigResolution } from '../../../shared/config';
import { SOURCE } from './diagnostics';
import { uriOfPath } from './paths';

export class ConfigDiagnostics {
  /** Config file → the problems last sent for it (as a comparable key). */
  private readonly sent = new Map<string, string>();
  private readonly current = new Map<string, Diagnostic[]>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly send: (file: string, diagnostics: Diagnostic[]) => void,
    private readonly read: (path: string) => string | undefined,
  ) {}

  report(resolution: ConfigResolution): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const f of resolution.sources) byFile.set(f, []);
    for (const p of resolution.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, problems] of byFile) {
      this.seen.add(file);
      const key = JSON.stringify(problems);
      if ((this.sent.get(file) ?? '[]') === key) continue;
      this.sent.set(file, key);
      this.set(file, this.toDiagnostics(file, problems));
    }
  }

  /** Call before relinting every open document after a config change… */
  beginPass(): void {
    this.seen.clear();
  }

  /** …and after: files no document's config chain mentions any more lose their diagnostics. */
  endPass(): void {
    for (const [file, key] of this.sent) {
      if (this.seen.has(file) || key === '[]') continue;
      this.sent.set(file, '[]');
      this.set(file, []);
    }
  }

  /** The config problems of this file, for merging into its own diagnostics when it is open. */
  of(file: string): Diagnostic[] {
    return this.current.get(file) ?? [];
  }

  private set(file: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.current.set(file, diagnostics);
    else this.current.delete(file);
    this.send(file, diagnostics);
  }

  private toDiagnostics(file: string, problems: readonly ConfigProblem[]): Diagnostic[] {
    if (problems.length === 0) return [];
    const text = this.read(file) ?? '';
    const doc = TextDocument.create(uriOfPath(file), 'json', 0, text);
    return problems.map((p) => ({
      range: { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      code: `config-${p.code}`,
      message: p.severity === 'error' ? `${p.message} smslint uses its defaults until this is fixed.` : p.message,
    }));
  }
}
