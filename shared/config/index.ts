export type * from './types';
export { DEFAULT_CONFIG, BUILTIN_PROFILES, DEFAULT_TEMPLATE_GLOBS, DEFAULT_IGNORE } from './defaults';
export { CONFIG_FILE_NAMES, loadConfigFile, type ConfigFs, type ConfigLayer } from './discover';
export { createConfigResolver, resolveConfig, matches, type ConfigResolution, type ConfigResolver, type ResolveOptions } from './resolve';
export { parseConfigText, formatKeyPath, type ConfigFormat, type KeyPath } from './parse';
export { validateConfig } from './validate';
export { closest } from './suggest';
