export * from './master-scale.ts'
export * from './signal-mappings.ts'
export * from './composite-rating.ts'
export * from './override.ts'
