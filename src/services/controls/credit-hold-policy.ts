import type { Transaction } from '../../domain/monitoring/activity.ts'

// Which alerts place a hold is the control policy's to decide (src/domain/alerts/control-policy.ts);
// this file says what a hold does to a transaction's answer.

/** What a transaction's answer tells the caller: blocked means do not extend credit on it. */
export type Control = 'allowed' | 'blocked'

/**
 * A new sale extends credit to the customer: it is the one kind of transaction a hold blocks.
 * Payments, refunds, purchases, transfers and cash extend none and are never blocked. The
 * direction is not read: it depends on whose books the feed comes from (see docs/alerts.md).
 */
export function extendsCredit(tx: Pick<Transaction, 'type'>): boolean {
  return tx.type === 'sale'
}

/** blocked when the customer is held and the transaction extends credit. */
export function controlOf(held: { has(customerId: string): boolean }, tx: Pick<Transaction, 'type' | 'customerId'>): Control {
  return extendsCredit(tx) && held.has(tx.customerId) ? 'blocked' : 'allowed'
}
