export * from './local-date';
export * from './wall-time';
export * from './zoned-time';
export * from './recurrence';
export * from './slot-grid';
