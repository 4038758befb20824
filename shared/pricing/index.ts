// Pricing core: exact money, provider profiles, campaign cost, credit plans, the plan ledger and forecasts.
export * from './result';
export * from './money';
export * from './dates';
export * from './profile';
export * from './campaign';
export * from './plans';
export * from './ledger';
export * from './forecast';
