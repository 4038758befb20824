// Exposes grapheme-splitter 1.0.4's private getGraphemeBreakProperty (the table the reference
// calculator segments with), for the table generator and the table test. Dev-time only.
'use strict';
const fs = require('node:fs');
const src = fs.readFileSync(require.resolve('grapheme-splitter'), 'utf8');
const hooked = src.replace('this.nextBreak = function', 'this.__property = getGraphemeBreakProperty;\n\tthis.nextBreak = function');
if (hooked === src) throw new Error('grapheme-splitter source changed: cannot expose its property table');
const mod = { exports: {} };
new Function('module', 'exports', hooked)(mod, mod.exports);
const Splitter = mod.exports;
/** @type {(cp: number) => number} */
module.exports = new Splitter().__property;
