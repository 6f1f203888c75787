export * from './permissions.ts'
export * from './login-throttle.ts'
export * from './password-policy.ts'
