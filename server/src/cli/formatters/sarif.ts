// SARIF 2.1.0 for code scanning: the rules with their docs, one result per finding with its
// region (UTF-16 columns, as the core counts) and its fixes as replacements.
import { pathToFileURL } from 'node:url';
import { docsUrl, type RunReport, type Span } from '../report';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function region(s: Span) {
  return {
    startLine: s.line,
    startColumn: s.column,
    endLine: s.endLine,
    endColumn: s.endColumn,
    charOffset: s.offset,
    charLength: s.endOffset - s.offset,
  };
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

export function sarif(run: RunReport): string {
  const root = pathToFileURL(run.cwd).href.replace(/\/?$/, '/');
  const artifact = (path: string, absolutePath: string) =>
    path === absolutePath.replaceAll('\\', '/') ? { uri: pathToFileURL(absolutePath).href } : { uri: encodePath(path), uriBaseId: '%SRCROOT%' };
  const rules = [...run.rules];
  const known = new Set(rules.map((r) => r.id));
  for (const f of run.files) {
    for (const x of f.findings) {
      if (!known.has(x.ruleId)) {
        known.add(x.ruleId);
        rules.push({ id: x.ruleId, description: x.ruleId, defaultSeverity: x.severity, docsPath: '' });
      }
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = run.files.flatMap((f) =>
    f.findings.map((x) => ({
      ruleId: x.ruleId,
      ruleIndex: index.get(x.ruleId)!,
      level: LEVEL[x.severity],
      message: { text: x.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(f.path, f.absolutePath), region: region(x) } }],
      ...(x.fixes.length
        ? {
            fixes: x.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: artifact(f.path, f.absolutePath),
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
                },
              ],
            })),
          }
        : {}),
    })),
  );
  const notifications = run.files
    .filter((f) => f.skipped !== undefined)
    .map((f) => ({
      level: 'warning' as const,
      message: { text: `Skipped: ${f.skipped}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(f.path, f.absolutePath) } }],
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'smslint',
            version: run.version,
            informationUri: docsUrl('docs/cli.md')!,
            rules: rules.map((r) => {
              const help = docsUrl(r.docsPath);
              const off = r.defaultSeverity === 'off';
              return {
                id: r.id,
                shortDescription: { text: r.description },
                ...(help ? { helpUri: help } : {}),
                defaultConfiguration: off
                  ? { enabled: false }
                  : { level: LEVEL[r.defaultSeverity as keyof typeof LEVEL] ?? 'warning' },
              };
            }),
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
