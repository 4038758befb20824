export * from './types';
export * from './segments';
export * from './pricing';
export * from './extract';
export * from './config';
export * from './lint';
