import type { CurrencyReceivables, Figure, ReceivablesSummary } from '../../api/types.ts'
import type { FigureKind } from './figure-display.ts'

/**
 * One headline figure of a currency; `key` names its label under receivables.figures. Amounts
 * come with their invoice count and a formula the UI states (the server sends none for them);
 * the rest are the server's figures with their own formula.
 */
export type HeadlineFigure = { key: string; kind: 'money'; amount: number; invoices: number } | { key: string; kind: FigureKind; figure: Figure }

/** The headline figures of one currency in the order the tab shows them; written-off only when there is any. */
export function headlineFigures(receivables: CurrencyReceivables): HeadlineFigure[] {
  const money = (key: string, total: { amount: number; invoices: number }): HeadlineFigure => ({ key, kind: 'money', ...total })
  const figure = (key: string, kind: FigureKind, value: Figure): HeadlineFigure => ({ key, kind, figure: value })
  return [
    money('outstanding', receivables.outstanding),
    money('overdue', receivables.overdue),
    ...(receivables.writtenOff.invoices > 0 ? [money('writtenOff', receivables.writtenOff)] : []),
    figure('maxDpd', 'days', receivables.daysPastDue.max),
    figure('weightedDpd', 'days', receivables.daysPastDue.weightedOverdue),
    figure('dsoSimple', 'days', receivables.dso.simple),
    figure('dsoCountback', 'days', receivables.dso.countback),
    figure('dbtPaid', 'days', receivables.daysBeyondTerms.paid),
    figure('dbtCurrent', 'days', receivables.daysBeyondTerms.current),
    figure('paymentIndex', 'index', receivables.paymentIndex),
  ]
}

/** The currency the tab opens on: the one with the most outstanding, else the first (the server orders them by code). */
export function mainCurrency(summary: Pick<ReceivablesSummary, 'currencies'>): string | null {
  const [first, ...rest] = summary.currencies
  if (!first) return null
  return rest.reduce((main, c) => (c.outstanding.amount > main.outstanding.amount ? c : main), first).currency
}
