import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RuleSeverity } from '../api/types.ts'

const COLOURS: Record<RuleSeverity, string> = { low: 'default', medium: 'gold', high: 'orange', critical: 'red' }

/** How bad a rule's hit is, from grey (low) to red (critical). */
export function SeverityTag({ severity }: { severity: RuleSeverity }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLOURS[severity] ?? 'default'} data-severity={severity}>
      {t(`alerts.severity.${severity}`, { defaultValue: severity })}
    </Tag>
  )
}
