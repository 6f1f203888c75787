import { Alert, Col, List, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAttestationReport } from '../api/policy-queries.ts'
import { formatDateTime } from '../format/dates.ts'

/** Who has acknowledged the active version, and who has not yet. */
export function AttestationReportView() {
  const { t, i18n } = useTranslation()
  const report = useAttestationReport(true)
  if (report.isError) return <Alert type="error" showIcon title={report.error.message} />
  const data = report.data
  const roleOf = (role: string) => t(`roles.${role}`, { defaultValue: role })
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t('policy.attestation.notAttested', { count: data?.notAttested.length ?? 0, version: data?.version ?? '' })}</Typography.Title>
        <List
          loading={report.isPending}
          bordered
          size="small"
          dataSource={data?.notAttested ?? []}
          data-testid="policy-not-attested"
          renderItem={(user) => <List.Item>{`${user.name || user.email} · ${user.email} · ${roleOf(user.role)}`}</List.Item>}
        />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t('policy.attestation.attested', { count: data?.attested.length ?? 0 })}</Typography.Title>
        <List
          loading={report.isPending}
          bordered
          size="small"
          dataSource={data?.attested ?? []}
          data-testid="policy-attested"
          renderItem={(user) => <List.Item>{`${user.name || user.email} · ${user.email} · ${formatDateTime(user.attestedAt, i18n.language)}`}</List.Item>}
        />
      </Col>
    </Row>
  )
}
