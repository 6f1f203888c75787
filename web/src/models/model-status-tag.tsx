import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ModelStatus } from '../api/types.ts'

const COLOURS: Record<ModelStatus, string> = { draft: 'processing', approved: 'success', retired: 'default' }

export function ModelStatusTag({ status }: { status: ModelStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`models.status.${status}`, { defaultValue: status })}</Tag>
}
