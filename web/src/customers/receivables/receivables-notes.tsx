import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReceivablesSummary } from '../../api/types.ts'
import { translateReceivablesNote } from './translate-receivables-reason.ts'

/** What the server left out or found inconsistent in the invoices and payments, when there is anything. */
export function ReceivablesNotes({ summary }: { summary: ReceivablesSummary }) {
  const { t, i18n } = useTranslation()
  if (summary.notes.length === 0) return null
  const currencyOf = new Map(summary.unappliedCash.flatMap((cash) => cash.payments.map((p) => [p.paymentId, cash.currency] as const)))
  return (
    <Card size="small" title={t('receivables.notesTitle')} data-testid="receivables-notes">
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {summary.notes.map((note, index) => (
          <li key={index}>{translateReceivablesNote(note, t, i18n.language, (id) => currencyOf.get(id))}</li>
        ))}
      </ul>
    </Card>
  )
}
