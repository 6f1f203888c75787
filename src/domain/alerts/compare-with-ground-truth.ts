import { DAY_MS } from '../monitoring/activity.ts'

/**
 * Scores alerts against labelled cases (the demo's injected patterns, or any ground truth of
 * the same shape).
 *
 * - A case is **found** when an alert of a rule that targets its pattern, for its customer,
 *   falls within [from, to + grace]. Without `targets`, any alert of the customer counts.
 * - An alert is **correct** when it falls within [from, to + grace] of some case of its
 *   customer, whatever the pattern: the case is real even when another rule names it.
 * - Alerts of rules with no targets watch for things the ground truth does not label; they are
 *   counted (`unjudged`) but left out of the judged precision. `precisionAll` counts them as
 *   wrong, for the stricter reading.
 */
export type GroundTruthCase = {
  customerId: string
  pattern: string
  /** ISO-8601 or epoch ms. */
  from: string | number
  to: string | number
}

export type AlertLike = { ruleKey: string; customerId: string; at: number }

export type CompareOptions = {
  /** Rule key → the patterns it is meant to find; without it every alert may find every case and every alert is judged. */
  targets?: Readonly<Record<string, readonly string[]>>
  /** How long after a case's end an alert still counts. Default 7 days. */
  graceMs?: number
}

export type Ratio = { hits: number; total: number; value: number | null }

export type GroundTruthComparison = {
  recall: Ratio
  /** Over the alerts of rules with targets. */
  precision: Ratio
  /** Over every alert. */
  precisionAll: Ratio
  byPattern: { pattern: string; recall: Ratio; missed: string[] }[]
  byRule: { ruleKey: string; judged: boolean; alerts: number; precision: Ratio; found: number }[]
}

export function compareWithGroundTruth(alerts: readonly AlertLike[], cases: readonly GroundTruthCase[], { targets, graceMs = 7 * DAY_MS }: CompareOptions = {}): GroundTruthComparison {
  const windows = cases.map((c) => ({ ...c, start: toMs(c.from), end: toMs(c.to) + graceMs }))
  const byCustomer = new Map<string, typeof windows>()
  for (const w of windows) byCustomer.set(w.customerId, [...(byCustomer.get(w.customerId) ?? []), w])
  const inWindow = (alert: AlertLike, w: (typeof windows)[number]) => alert.customerId === w.customerId && alert.at >= w.start && alert.at <= w.end
  const aims = (alert: AlertLike, pattern: string) => targets === undefined || (targets[alert.ruleKey] ?? []).includes(pattern)
  const isJudged = (ruleKey: string) => targets === undefined || (targets[ruleKey]?.length ?? 0) > 0

  const foundBy = windows.map((w) => alerts.filter((alert) => inWindow(alert, w) && aims(alert, w.pattern)))
  const correct = alerts.map((alert) => (byCustomer.get(alert.customerId) ?? []).some((w) => inWindow(alert, w)))

  const patterns = [...new Set(cases.map((c) => c.pattern))]
  const byPattern = patterns.map((pattern) => {
    const mine = windows.map((w, i) => ({ w, found: foundBy[i]!.length > 0 })).filter(({ w }) => w.pattern === pattern)
    return { pattern, recall: ratio(mine.filter((m) => m.found).length, mine.length), missed: mine.filter((m) => !m.found).map((m) => m.w.customerId) }
  })
  const ruleKeys = [...new Set(alerts.map((alert) => alert.ruleKey))].sort()
  const byRule = ruleKeys.map((ruleKey) => {
    const indexes = alerts.map((alert, i) => (alert.ruleKey === ruleKey ? i : -1)).filter((i) => i >= 0)
    return {
      ruleKey,
      judged: isJudged(ruleKey),
      alerts: indexes.length,
      precision: ratio(indexes.filter((i) => correct[i]).length, indexes.length),
      found: foundBy.filter((found) => found.some((alert) => alert.ruleKey === ruleKey)).length,
    }
  })
  const judged = alerts.map((alert, i) => ({ judged: isJudged(alert.ruleKey), correct: correct[i]! })).filter((a) => a.judged)
  return {
    recall: ratio(foundBy.filter((found) => found.length > 0).length, windows.length),
    precision: ratio(judged.filter((a) => a.correct).length, judged.length),
    precisionAll: ratio(correct.filter(Boolean).length, alerts.length),
    byPattern,
    byRule,
  }
}

function ratio(hits: number, total: number): Ratio {
  return { hits, total, value: total === 0 ? null : hits / total }
}

function toMs(at: string | number): number {
  return typeof at === 'number' ? at : Date.parse(at)
}
