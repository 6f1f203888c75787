import { Alert, Col, Row, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useRule } from '../api/alert-queries.ts'
import type { Playbook } from '../api/types.ts'

const PARTS = ['check', 'do', 'tell'] as const

/** What to check, what to do and whom to tell: the playbook of the rule version that raised an alert. */
export function RulePlaybook({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation()
  const rule = useRule(ruleId)
  if (rule.isPending) return <Skeleton active paragraph={{ rows: 2 }} />
  if (rule.isError) return <Alert type="warning" showIcon title={t('cases.playbook.unavailable')} description={rule.error.message} />
  const playbook: Playbook | undefined = rule.data.document.playbook
  if (!playbook) return null
  return (
    <Row gutter={[16, 8]} data-testid="playbook">
      {PARTS.map((part) => (
        <Col xs={24} md={8} key={part}>
          <Typography.Text strong>{t(`cases.playbook.${part}`)}</Typography.Text>
          {playbook[part].length > 0 ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {playbook[part].map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : (
            <div>—</div>
          )}
        </Col>
      ))}
    </Row>
  )
}
