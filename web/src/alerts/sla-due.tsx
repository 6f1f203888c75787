import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseView } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'

/** Whether a case that is not closed is past its due time. */
export function isOverdue(kase: Pick<CaseView, 'status' | 'slaDueAt'>, now = Date.now()): boolean {
  return kase.status !== 'closed' && kase.slaDueAt !== null && Date.parse(kase.slaDueAt) <= now
}

/** A case's due time, in red with "overdue" once passed. */
export function SlaDue({ kase }: { kase: Pick<CaseView, 'status' | 'slaDueAt'> }) {
  const { t, i18n } = useTranslation()
  if (kase.slaDueAt === null || kase.status === 'closed') return <>—</>
  const overdue = isOverdue(kase)
  return (
    <Typography.Text type={overdue ? 'danger' : undefined} data-overdue={overdue}>
      {formatDateTime(kase.slaDueAt, i18n.language)}
      {overdue ? ` · ${t('cases.work.overdue')}` : ''}
    </Typography.Text>
  )
}
