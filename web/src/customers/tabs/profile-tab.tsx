import { Descriptions, Empty, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCustomFields } from '../../api/customer-queries.ts'
import type { Customer } from '../../api/types.ts'
import { formatDate, formatDateTime } from '../../format/dates.ts'
import { StatusTag } from '../status-tag.tsx'

const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value)

/** Every field of the customer, custom fields included, under their labels. */
export function ProfileTab({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation()
  const definitions = useCustomFields().data ?? []
  const locale = i18n.language
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('customer360.profile.basics')} data-testid="profile">
        <Descriptions.Item label={t('fields.name')}>{customer.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.type')}>{t(`customerType.${customer.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.aliases')}>{dash(customer.aliases.join('；'))}</Descriptions.Item>
        <Descriptions.Item label={t('fields.status')}>
          <StatusTag status={customer.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.registrationId')}>{dash(customer.registrationId)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.externalId')}>{dash(customer.externalId)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.country')}>{customer.country}</Descriptions.Item>
        <Descriptions.Item label={t('fields.region')}>
          <span data-testid="profile-region">{dash(customer.region)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.founded')}>{formatDate(customer.founded, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.employees')}>{customer.employees === null ? '—' : new Intl.NumberFormat(locale).format(customer.employees)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.listed')}>{customer.listed ? t('common.yes') : t('common.no')}</Descriptions.Item>
        <Descriptions.Item label={t('fields.tags')}>{customer.tags.length === 0 ? '—' : customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.createdAt')}>{formatDateTime(customer.createdAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.updatedAt')}>
          {formatDateTime(customer.updatedAt, locale)} · {t('fields.version')} {customer.version}
        </Descriptions.Item>
      </Descriptions>

      <Descriptions bordered size="small" column={1} title={t('customer360.profile.business')} style={{ marginTop: 24 }}>
        <Descriptions.Item label={t('fields.industry')}>{customer.industry ? `${customer.industry.code} ${customer.industry.name ?? ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.businessScope')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{dash(customer.businessScope)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.businessModel')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{dash(customer.businessModel)}</span>
        </Descriptions.Item>
      </Descriptions>

      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('customer360.profile.customFields')} style={{ marginTop: 24 }}>
        {definitions.map((definition) => (
          <Descriptions.Item key={definition.key} label={definition.label}>
            {dash(customer.customFields[definition.key])}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {definitions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer360.profile.noCustomFields')} />}
    </>
  )
}
