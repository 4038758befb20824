// Everything `main` touches outside itself, injected: files, streams, environment, the lint core.
// The bin passes node's (nodeIo.ts); tests pass their own streams and folders.
import type { ConfigFs } from '../../../shared/config';
import type { Edit } from '../../../shared/types';
import type { LintResult } from '../../../shared/lint/types';
import type { ResolvedConfig } from '../../../shared/config';
import type { IoError, Oversized, WalkFs } from '../files';

// The file types live with the file collection (server/src/files.ts), which the server shares.
export type { FileInfo, GlobResult, IoError, Oversized } from '../files';
export { isIoError, isOversized } from '../files';

export interface OutStream {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

export interface CliFs extends WalkFs {
  readFile(path: string): Uint8Array | IoError;
  /** The file's bytes; a file over `maxBytes` is not read at all (its size comes back instead). */
  readFileUpTo(path: string, maxBytes: number): Uint8Array | IoError | Oversized;
  /**
   * Temp file in the same folder, same mode, then rename over `path`: readers see old or new, never
   * half. A file the user may not write is refused (EACCES), never replaced by the rename.
   */
  writeFileAtomic(path: string, data: Uint8Array): IoError | undefined;
  /** Reads the files of a long run on another thread, ahead of the lint; undefined if it cannot. */
  readAhead?(paths: readonly string[], options: ReadAheadOptions): ReadAhead | undefined;
}

export type ReadResult = Uint8Array | IoError | Oversized;

export interface ReadAheadOptions {
  /** --fix: a path read ahead that reaches a file rewritten since (a symlink) is read again, after the write. */
  readonly identify: boolean;
}

export interface ReadAhead {
  /** File `index`'s read, as readFileUpTo(path, maxBytes) would give it now; each is taken once, in order. */
  take(index: number, maxBytes: number): ReadResult;
  /** File `index` is about to be rewritten: a later path read ahead from the same file is read again. */
  willWrite(index: number): void;
  /** Ends the read-ahead (the run is over, or failed). */
  close(): void;
}

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: string;
  readonly docsPath: string;
}

/** The core's lint facade (shared/lint), injected so main stays testable with any engine. */
export interface LintEngine {
  lintDocument(input: { path: string; text: string }, config: ResolvedConfig): LintResult;
  fixAll(text: string, result: LintResult, ruleIds?: readonly string[]): { text: string; edits: Edit[] };
  readonly rules: readonly RuleInfo[];
}

/** The bin's SIGINT/SIGTERM handling; absent in tests, where a signal is not ours to take. */
export interface Interrupts {
  /** While any step is registered, a signal runs every step and then ends the process (130/143). */
  add(step: () => void | Promise<void>): () => void;
}

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readStdin(): Promise<Uint8Array>;
  readonly fs: CliFs;
  readonly configFs: ConfigFs;
  readonly engine: LintEngine;
  /** Milliseconds, for the progress bar's pacing. */
  now(): number;
  /** The bundled CLI script, when long runs may lint in worker threads (see pool.ts). */
  readonly workerScript?: string;
  readonly interrupts?: Interrupts;
}
