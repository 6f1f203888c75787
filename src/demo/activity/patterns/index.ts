import type { PatternKind } from '../ground-truth.ts'
import { bureauDowngrade } from './bureau-downgrade.ts'
import { deterioratingPayments } from './deteriorating-payments.ts'
import { dormantReactivation } from './dormant-reactivation.ts'
import { fanIn } from './fan-in.ts'
import type { PatternInjector } from './injection.ts'
import { rapidInOut } from './rapid-in-out.ts'
import { roundTripping } from './round-tripping.ts'
import { structuring } from './structuring.ts'
import { velocitySpike } from './velocity-spike.ts'

export type { CustomerActivity, Injection, InjectionContext, PatternInjector } from './injection.ts'
export { STRUCTURING_BAND } from './structuring.ts'

export const INJECTORS: Readonly<Record<PatternKind, PatternInjector>> = {
  structuring,
  velocity_spike: velocitySpike,
  dormant_reactivation: dormantReactivation,
  fan_in: fanIn,
  rapid_in_out: rapidInOut,
  round_tripping: roundTripping,
  deteriorating_payments: deterioratingPayments,
  bureau_downgrade: bureauDowngrade,
}

/** Patterns that need something of the customer go first, so they get the customers they need. */
export const ASSIGNMENT_ORDER: readonly PatternKind[] = [
  'round_tripping',
  'bureau_downgrade',
  'deteriorating_payments',
  'dormant_reactivation',
  'velocity_spike',
  'fan_in',
  'rapid_in_out',
  'structuring',
]
