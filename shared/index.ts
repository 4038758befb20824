export * from './types';
export * from './segments';
export * from './pricing';
