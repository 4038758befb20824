// Config file names in precedence order: the first one present in a folder is used. Kept in a
// module of its own so the VS Code client can import it without the core's parsers.
export const CONFIG_FILE_NAMES = [
  '.smslintrc.json',
  '.smslintrc.jsonc',
  '.smslintrc.yaml',
  '.smslintrc.yml',
  'smslint.config.json',
  'package.json',
] as const;
