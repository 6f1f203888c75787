import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PolicyStatus } from '../api/policy-queries.ts'

const COLOURS: Record<PolicyStatus, string> = { draft: 'default', pending_approval: 'processing', active: 'success', superseded: 'default', rejected: 'error' }

export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`policy.status.${status}`, { defaultValue: status })}</Tag>
}
