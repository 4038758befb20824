// yaml and ajv are half of the server's and the CLI's code, and most runs need neither: those two
// bundles load them from dist/vendor/ on first use (the shims here), which keeps them out of every
// start. Shared by esbuild.mjs and scripts/package-vsix.mjs.
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

/** esbuild options for a bundle that loads yaml and ajv lazily from ./vendor/ beside it. */
export const LAZY = {
  alias: { yaml: here('./yaml.cjs'), ajv: here('./ajv.cjs') },
  external: ['./vendor/*'],
};

/** The vendor bundles such a bundle needs beside it, as entry → output name under its folder. */
export const VENDOR = [
  { in: here('./yaml-vendor.cjs'), out: 'vendor/yaml' },
  { in: here('./ajv-vendor.cjs'), out: 'vendor/ajv' },
];
