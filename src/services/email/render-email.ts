/** What an email says about an event: a subject line and a plain-text body. */
export type RenderedEmail = { subject: string; text: string }

export type RenderEmailOptions = { event: string; at: string; data: unknown; customerName: string | null }

type Data = Record<string, unknown>
const money = (value: unknown) => {
  const m = value as { amount?: number; currency?: string } | undefined
  return m && typeof m.amount === 'number' ? `${(m.amount / 100).toFixed(2)} ${m.currency ?? ''}`.trim() : '?'
}

/**
 * The email for an event, in English (operators' mail clients show it as is): the subject names
 * what happened and to whom; the body repeats it with the event's fields, then its data as JSON.
 */
export function renderEmail({ event, at, data, customerName }: RenderEmailOptions): RenderedEmail {
  const d = (data ?? {}) as Data
  const who = customerName ?? (typeof d.customerId === 'string' ? d.customerId : 'a customer')
  const headline = (() => {
    switch (event) {
      case 'alert.raised':
        return `${d.severity} alert ${d.ruleKey}: ${who}`
      case 'case.closed':
        return `Case closed (${d.disposition}): ${who}`
      case 'credit_hold.placed':
        return `Credit hold placed: ${who}`
      case 'credit_hold.lifted':
        return `Credit hold lifted: ${who}`
      case 'limit_proposal.proposed':
        return `Limit cut proposed (${d.cutPercent}%): ${who}, ${money(d.currentLimit)} → ${money(d.proposedLimit)}`
      case 'limit_proposal.accepted':
        return `Limit cut accepted: ${who}, now ${money(d.proposedLimit)}`
      case 'limit_proposal.rejected':
        return `Limit cut rejected: ${who}`
      case 'review.triggered':
        return `Review due ${d.dueOn}: ${who}`
      default:
        return `${event}: ${who}`
    }
  })()
  const lines = [headline, '', `Event: ${event}`, `At: ${at}`]
  if (typeof d.customerId === 'string') lines.push(`Customer: ${customerName ?? '?'} (${d.customerId})`)
  for (const key of ['severity', 'ruleKey', 'score', 'caseId', 'reason', 'note', 'dueOn', 'liftNote']) {
    if (d[key] !== undefined && d[key] !== null) lines.push(`${key}: ${typeof d[key] === 'string' ? d[key] : JSON.stringify(d[key])}`)
  }
  lines.push('', 'Details:', JSON.stringify(data, null, 2), '', '— Fengkong')
  return { subject: `[Fengkong] ${headline}`, text: lines.join('\n') }
}
