import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseStatus } from '../api/types.ts'

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation()
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(`cases.status.${status}`)}</Tag>
}
