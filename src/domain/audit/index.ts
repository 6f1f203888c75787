export * from './canonical-json.ts'
export * from './audit-entry.ts'
export * from './chain-verifier.ts'
export * from './merkle.ts'
