// The smslint bin's entry (bundled to dist/cli.js): node's I/O and the core into main.
import { main } from './cli/main';
import { coreEngine } from './cli/engine';
import { nodeIo } from './cli/nodeIo';

main(process.argv.slice(2), nodeIo(coreEngine)).then((code) => {
  process.exitCode = code;
});
