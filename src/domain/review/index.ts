export * from './calendar';
export * from './holidays';
export * from './model';
export * from './rules';
export * from './states';
