import { EditOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Customer } from '../api/types.ts'
import { StatusTag } from './status-tag.tsx'
import { CustomerStatusControl } from '../workflow/customer-status-control.tsx'

type Props = { customer: Customer; canEdit: boolean; onEdit: () => void }

/** The customer's name and who they are at a glance, above the tabs. */
export function CustomerHeader({ customer, canEdit, onEdit }: Props) {
  const { t } = useTranslation()
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Space align="center" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
              {customer.name}
            </Typography.Title>
            <StatusTag status={customer.status} />
            <Tag>{t(`customerType.${customer.type}`)}</Tag>
          </Space>
          {customer.aliases.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{customer.aliases.join(' · ')}</Typography.Paragraph>}
          <Space size={16} wrap style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {t('fields.registrationId')}: <Typography.Text copyable={!!customer.registrationId}>{customer.registrationId ?? '—'}</Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('fields.country')}: {customer.country}
              {customer.region ? ` · ${customer.region}` : ''}
            </Typography.Text>
            {customer.industry && (
              <Typography.Text type="secondary">
                {t('fields.industry')}: {customer.industry.code} {customer.industry.name}
              </Typography.Text>
            )}
            {customer.tags.map((tag) => (
              <Tag key={tag} color="blue">
                {tag}
              </Tag>
            ))}
          </Space>
        </div>
        {canEdit && (
          <Space>
            <CustomerStatusControl customer={customer} />
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="customer-edit">
              {t('actions.edit')}
            </Button>
          </Space>
        )}
      </Flex>
    </Card>
  )
}
