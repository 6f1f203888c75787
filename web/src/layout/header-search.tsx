import { SearchOutlined } from '@ant-design/icons'
import { AutoComplete, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useCustomerSuggestions } from '../api/customer-queries.ts'
import { useDebouncedValue } from '../hooks/use-debounced-value.ts'
import styles from './app-layout.module.css'

const SEARCH_ALL = '\u0000all'

/**
 * Finds customers from anywhere: a fragment of a Chinese or Latin name or alias, a
 * registration id or a tag. Picking one opens its 360° page; the last option opens the
 * customer list with the search.
 */
export function HeaderSearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim(), 250)
  const suggestions = useCustomerSuggestions(q)
  const customers = q ? (suggestions.data?.items ?? []) : []

  const options = q
    ? [
        ...customers.map((customer) => ({
          value: customer.id,
          title: customer.name,
          label: (
            <div className={styles.suggestion}>
              <span>{customer.name}</span>
              <Typography.Text type="secondary" className={styles.suggestionMeta}>
                {customer.registrationId ?? customer.country}
              </Typography.Text>
            </div>
          ),
        })),
        { value: SEARCH_ALL, label: <Typography.Text type="secondary">{t('search.all', { q })}</Typography.Text> },
      ]
    : []

  return (
    <AutoComplete
      className={styles.search}
      value={text}
      options={options}
      onChange={(value: string) => setText(value)}
      onSelect={(value: string) => {
        setText('')
        void navigate(value === SEARCH_ALL ? `/customers?q=${encodeURIComponent(q)}` : `/customers/${value}`)
      }}
      showSearch={{ filterOption: false }}
      // Every option in the DOM with role="option": a short list needs no virtual scrolling.
      virtual={false}
      prefix={<SearchOutlined />}
      placeholder={t('search.placeholder')}
      allowClear
      notFoundContent={q && suggestions.isFetched && customers.length === 0 ? t('search.none') : null}
      aria-label={t('search.placeholder')}
    />
  )
}
