import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LifecycleStatus } from '../api/types.ts'

const COLOURS: Record<LifecycleStatus, string> = {
  prospect: 'default',
  onboarding: 'processing',
  active: 'success',
  under_review: 'warning',
  suspended: 'error',
  closed: 'default',
}

export function StatusTag({ status }: { status: LifecycleStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLOURS[status]}>{t(`status.${status}`)}</Tag>
}
