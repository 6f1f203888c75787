import { Button, Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CustomerSearch } from '../api/customer-queries.ts'

const STATUSES = ['prospect', 'onboarding', 'active', 'under_review', 'suspended', 'closed'] as const
const TYPES = ['company', 'individual'] as const

type Props = { search: CustomerSearch; onChange: (change: Partial<CustomerSearch>) => void }

/** Search text and the filters of the customer list: status, type, country, industry, tag. */
export function CustomerFilters({ search, onChange }: Props) {
  const { t } = useTranslation()
  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        key={`q-${search.q ?? ''}`}
        defaultValue={search.q}
        placeholder={t('customers.searchPlaceholder')}
        allowClear
        onSearch={(q) => onChange({ q: q.trim() })}
        style={{ width: 300 }}
        aria-label={t('customers.searchPlaceholder')}
      />
      <Select
        value={search.status}
        placeholder={t('fields.status')}
        allowClear
        style={{ width: 130 }}
        onChange={(status?: string) => onChange({ status })}
        options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        aria-label={t('fields.status')}
      />
      <Select
        value={search.type}
        placeholder={t('fields.type')}
        allowClear
        style={{ width: 110 }}
        onChange={(type?: string) => onChange({ type })}
        options={TYPES.map((type) => ({ value: type, label: t(`customerType.${type}`) }))}
        aria-label={t('fields.type')}
      />
      <Input
        key={`country-${search.country ?? ''}`}
        defaultValue={search.country}
        placeholder={t('customers.countryFilter')}
        maxLength={2}
        style={{ width: 110 }}
        onPressEnter={(event) => onChange({ country: event.currentTarget.value.trim().toUpperCase() })}
        onBlur={(event) => onChange({ country: event.currentTarget.value.trim().toUpperCase() })}
        aria-label={t('customers.countryFilter')}
      />
      <Input
        key={`industry-${search.industry ?? ''}`}
        defaultValue={search.industry}
        placeholder={t('customers.industryFilter')}
        style={{ width: 130 }}
        onPressEnter={(event) => onChange({ industry: event.currentTarget.value.trim() })}
        onBlur={(event) => onChange({ industry: event.currentTarget.value.trim() })}
        aria-label={t('customers.industryFilter')}
      />
      <Input
        key={`tag-${search.tag ?? ''}`}
        defaultValue={search.tag}
        placeholder={t('fields.tags')}
        style={{ width: 120 }}
        onPressEnter={(event) => onChange({ tag: event.currentTarget.value.trim() })}
        onBlur={(event) => onChange({ tag: event.currentTarget.value.trim() })}
        aria-label={t('fields.tags')}
      />
      <Button onClick={() => onChange({ q: '', status: '', type: '', country: '', industry: '', tag: '' })}>{t('actions.reset')}</Button>
    </Space>
  )
}
