// GitHub Actions workflow commands: one `::error file=…::message` annotation per finding.
import type { FileReport, RunReport } from '../report';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions (escapeData / escapeProperty of @actions/core)
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** One file's annotations, one line each ("" when it has none). */
export function githubFile(file: FileReport): string {
  const out: string[] = [];
  for (const f of file.findings) {
    const props = [
      `file=${escapeProperty(file.path)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(`smslint (${f.ruleId})`)}`,
    ];
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
  }
  return out.join('\n');
}

/** githubFile's results joined ('' ones are left out). */
export function joinGithub(blocks: readonly string[]): string {
  const parts = blocks.filter((b) => b !== '');
  return parts.length ? parts.join('\n') + '\n' : '';
}

export function github(run: RunReport): string {
  return joinGithub(run.files.map(githubFile));
}
