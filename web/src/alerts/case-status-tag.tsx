import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseStatus } from '../api/types.ts'

const COLORS: Record<CaseStatus, string> = { new: 'blue', assigned: 'cyan', investigating: 'processing', escalated: 'volcano', closed: 'default' }

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {t(`cases.status.${status}`)}
    </Tag>
  )
}
