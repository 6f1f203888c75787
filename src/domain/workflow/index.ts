export * from './lifecycle.ts'
export * from './review-schedule.ts'
export * from './approval-request.ts'
