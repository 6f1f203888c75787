export * from './customer.ts'
export * from './unified-social-credit-code.ts'
