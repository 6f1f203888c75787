import { Alert, Empty, Flex, Select, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePolicyDiff, type PolicyChange, type PolicyVersionSummary } from '../api/policy-queries.ts'
import { diffValueText } from './policy-editing.ts'

type Props = { versions: PolicyVersionSummary[]; from: string | null; to: string | null; onChange: (pair: { from: string | null; to: string | null }) => void }

const KIND_COLOURS = { changed: 'gold', added: 'green', removed: 'red' } as const

/** Two versions chosen, and every field that differs between them with its value in each. */
export function PolicyDiffView({ versions, from, to, onChange }: Props) {
  const { t } = useTranslation()
  const diff = usePolicyDiff(from, to)
  const options = versions.map((v) => ({ value: v.id, label: t('policy.versionLabel', { version: v.version, status: t(`policy.status.${v.status}`) }) }))
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        {t('policy.diff.from')}
        <Select value={from} options={options} onChange={(value) => onChange({ from: value, to })} style={{ width: 240 }} placeholder={t('policy.diff.choose')} data-testid="policy-diff-from" />
        {t('policy.diff.to')}
        <Select value={to} options={options} onChange={(value) => onChange({ from, to: value })} style={{ width: 240 }} placeholder={t('policy.diff.choose')} data-testid="policy-diff-to" />
      </Flex>
      {diff.isError && <Alert type="error" showIcon title={diff.error.message} />}
      {from !== null && from === to && <Alert type="info" showIcon title={t('policy.diff.same')} />}
      {diff.data &&
        (diff.data.changes.length === 0 ? (
          <Empty description={t('policy.diff.none')} />
        ) : (
          <Table<PolicyChange>
            rowKey="path"
            size="small"
            pagination={false}
            dataSource={diff.data.changes}
            data-testid="policy-diff"
            columns={[
              { title: t('policy.diff.path'), dataIndex: 'path', render: (path: string) => <code>{path}</code> },
              { title: t('policy.diff.kind'), dataIndex: 'kind', render: (kind: PolicyChange['kind']) => <Tag color={KIND_COLOURS[kind]}>{t(`policy.diff.kinds.${kind}`)}</Tag> },
              { title: t('policy.diff.before', { version: diff.data.from.version }), dataIndex: 'before', render: diffValueText },
              { title: t('policy.diff.after', { version: diff.data.to.version }), dataIndex: 'after', render: diffValueText },
            ]}
          />
        ))}
    </Flex>
  )
}
