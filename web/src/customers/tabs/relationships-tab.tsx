import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useRelationships } from '../../api/record-queries.ts'
import type { RelationshipView } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'

/** Ties to other customers both ways ("parent of", "held 40% by"), each linking to the other customer. */
export function RelationshipsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const relationships = useRelationships(customerId)
  return (
    <Table<RelationshipView>
      rowKey="id"
      size="middle"
      loading={relationships.isPending}
      dataSource={relationships.data}
      pagination={false}
      columns={[
        { key: 'kind', title: t('relationships.kind'), render: (_, r) => t(`relationships.${r.direction}.${r.kind}`) },
        {
          key: 'other',
          title: t('relationships.other'),
          render: (_, r) => <Link to={`/customers/${r.other.id}`}>{r.other.name}</Link>,
        },
        { key: 'sharePct', title: t('relationships.sharePct'), align: 'right', render: (_, r) => (r.sharePct === null ? '—' : `${r.sharePct}%`) },
        { key: 'note', title: t('relationships.note'), render: (_, r) => r.note ?? '—' },
        { key: 'createdAt', title: t('fields.createdAt'), render: (_, r) => formatDateTime(r.createdAt, i18n.language) },
      ]}
    />
  )
}
