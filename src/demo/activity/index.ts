/** Synthetic customer activity with ground truth: the public surface of src/demo/activity. */
export { generateActivity, DEFAULT_ACTIVITY_FROM, DEFAULT_STRUCTURING_THRESHOLD, type DemoActivity, type GenerateActivityOptions } from './generate-activity.ts'
export { activityCustomersOf, CNY_PER_UNIT, type ActivityCustomer } from './customers.ts'
export { PATTERN_KINDS, type InjectedPattern, type PatternKind } from './ground-truth.ts'
export { summarizeActivity, type ActivitySummary } from './summarize-activity.ts'
export { RATINGS, ratingOf, type DemoBureauEvent } from './bureau.ts'
export { STRUCTURING_BAND } from './patterns/index.ts'
