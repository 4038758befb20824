// Reports over many linted documents (the cost table), shared by the CLI and the language server.
export * from './amounts';
export * from './costMarkdown';
export * from './costTable';
