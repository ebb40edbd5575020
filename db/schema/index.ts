export * from './roles';
export * from './bronze';
export * from './silver';
export * from './gold';
export * from './auth';
export * from './app';
export * from './shares';
export * from './signals';
