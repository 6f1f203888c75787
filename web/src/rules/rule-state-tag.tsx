import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RuleState } from '../api/types.ts'

const COLOURS: Record<RuleState, string> = { draft: 'default', shadow: 'purple', active: 'success', retired: 'default' }

export function RuleStateTag({ state }: { state: RuleState }) {
  const { t } = useTranslation()
  return <Tag color={COLOURS[state] ?? 'default'}>{t(`rules.state.${state}`, { defaultValue: state })}</Tag>
}
