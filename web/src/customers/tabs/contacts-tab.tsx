import { Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCustomerRecords } from '../../api/record-queries.ts'
import type { Contact } from '../../api/types.ts'

/** The people to talk to at the customer, the main contact marked. */
export function ContactsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const contacts = useCustomerRecords(customerId, 'contacts')
  return (
    <Table<Contact>
      rowKey="id"
      size="middle"
      loading={contacts.isPending}
      dataSource={contacts.data}
      pagination={false}
      columns={[
        {
          key: 'name',
          title: t('contacts.name'),
          render: (_, contact) => (
            <>
              {contact.name} {contact.primary && <Tag color="gold">{t('contacts.primary')}</Tag>}
            </>
          ),
        },
        { key: 'title', title: t('contacts.title'), dataIndex: 'title' },
        { key: 'email', title: t('contacts.email'), render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null) },
        { key: 'phone', title: t('contacts.phone'), dataIndex: 'phone' },
        { key: 'notes', title: t('contacts.notes'), dataIndex: 'notes', ellipsis: true },
      ]}
    />
  )
}
