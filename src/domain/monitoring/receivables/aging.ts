import { positionsIn, type ReceivablesLedger } from './receivables-ledger.ts'

/**
 * The open amount of a customer's invoices in one currency, bucketed by days past due.
 *
 * Edges are the last day of each past-due bucket: [30, 60, 90, 120] gives current (not past
 * due), 1-30, 31-60, 61-90, 91-120 and 120+ (121 days and more). DPD exactly 30 is in 1-30,
 * 31 in 31-60. Edges must be ascending positive whole numbers, at least one.
 */
export const DEFAULT_AGING_EDGES: readonly number[] = [30, 60, 90, 120]

export type AgingBucket = {
  /** 'current', '1-30', …, '120+'. */
  label: string
  /** Days past due, inclusive. */
  minDays: number
  /** Inclusive; null for the last, open-ended bucket. */
  maxDays: number | null
  amount: number
  invoices: number
}

export type Aging = {
  currency: string
  edges: number[]
  buckets: AgingBucket[]
  total: { amount: number; invoices: number }
}

export type AgingOptions = { ledger: ReceivablesLedger; currency: string; edges?: readonly number[] }

/** What is wrong with `edges`, one sentence each; empty when they are usable. */
export function agingEdgeProblems(edges: readonly number[]): string[] {
  const problems: string[] = []
  if (edges.length === 0) problems.push('at least one edge is needed')
  edges.forEach((edge, index) => {
    if (!Number.isInteger(edge) || edge <= 0) problems.push(`edge ${index + 1} must be a positive whole number of days, got ${edge}`)
    else if (index > 0 && !(edge > edges[index - 1]!)) problems.push(`edge ${index + 1} (${edge}) must be greater than edge ${index} (${edges[index - 1]})`)
  })
  return problems
}

export function agingBuckets(edges: readonly number[] = DEFAULT_AGING_EDGES): Omit<AgingBucket, 'amount' | 'invoices'>[] {
  const problems = agingEdgeProblems(edges)
  if (problems.length > 0) throw new RangeError(`aging bucket edges: ${problems.join('; ')}`)
  const last = edges.at(-1)!
  return [
    { label: 'current', minDays: 0, maxDays: 0 },
    ...edges.map((edge, index) => {
      const minDays = index === 0 ? 1 : edges[index - 1]! + 1
      return { label: `${minDays}-${edge}`, minDays, maxDays: edge }
    }),
    { label: `${last}+`, minDays: last + 1, maxDays: null },
  ]
}

export function aging({ ledger, currency, edges = DEFAULT_AGING_EDGES }: AgingOptions): Aging {
  const buckets = agingBuckets(edges).map((bucket) => ({ ...bucket, amount: 0, invoices: 0 }))
  const total = { amount: 0, invoices: 0 }
  for (const position of positionsIn(ledger, currency)) {
    if (position.state !== 'open') continue
    const bucket = buckets.find((b) => b.maxDays === null || position.daysPastDue <= b.maxDays)!
    bucket.amount += position.openAmount
    bucket.invoices++
    total.amount += position.openAmount
    total.invoices++
  }
  return { currency, edges: [...edges], buckets, total }
}
