// Plain-text positions shared by the core, the CLI and the server.
export * from './lines';
export * from './search';
