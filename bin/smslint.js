#!/usr/bin/env node
'use strict';
// The CLI bundle runs with a V8 code cache (server/src/compileCache.ts).
require('../dist/compileCache.js').runCached(require.resolve('../dist/cli.js'));
