// What the server and CLI bundles get for `import … from 'yaml'` (esbuild.mjs aliases it here):
// the library is a file of its own next to the bundle, loaded on first use. Most runs meet no
// YAML (no YAML config, locale file or front matter) and never pay to compile or start it.
// A name used in the sources but missing here fails the build, not a run.
let yaml;
const load = () => (yaml ??= require('./vendor/yaml.js'));
exports.parseDocument = (...args) => load().parseDocument(...args);
exports.parseAllDocuments = (...args) => load().parseAllDocuments(...args);
exports.isMap = (node) => load().isMap(node);
exports.isScalar = (node) => load().isScalar(node);
exports.isSeq = (node) => load().isSeq(node);
