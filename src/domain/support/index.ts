export * from './catalog';
export * from './houses';
export * from './priority';
export * from './repeat';
export * from './fund-purpose';
export * from './addressed';
export * from './years';
export * from './distribution';
