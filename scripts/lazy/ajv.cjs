// What the server and CLI bundles get for `import Ajv from 'ajv'` (esbuild.mjs aliases it here):
// the validator is a file of its own next to the bundle, loaded when a config file is first
// validated. A folder without a config file never compiles it.
module.exports = function Ajv(options) {
  const ajv = require('./vendor/ajv.js');
  return new (ajv.default ?? ajv)(options);
};
