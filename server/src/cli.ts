// The smslint bin's entry (bundled to dist/cli.js): node's I/O and the core into main. Started as
// a worker thread (pool.ts), the same script lints chunks of files for the main thread instead.
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './cli/main';
import { coreEngine } from './cli/engine';
import { nodeIo } from './cli/nodeIo';
import { runWorker } from './cli/worker';

if (!isMainThread && (workerData as { smslintWorker?: unknown } | undefined)?.smslintWorker === true) {
  runWorker(workerData, coreEngine);
} else {
  // `smslint | head` closes the pipe early: that ends the output, quietly, with the run's exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit();
    });
  }
  main(process.argv.slice(2), { ...nodeIo(coreEngine), workerScript: __filename }).then((code) => {
    process.exitCode = code;
  });
}
