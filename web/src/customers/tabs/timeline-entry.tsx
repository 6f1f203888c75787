import { ArrowRightOutlined } from '@ant-design/icons'
import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCustomFields } from '../../api/customer-queries.ts'
import type { TimelineItem } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'
import { changeValueText, fieldChanges, recordSummary } from '../timeline-diff.ts'
import styles from './timeline-entry.module.css'

/** One change: when, who, what (with the record it touched), and each changed field as before → after. */
export function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t, i18n } = useTranslation()
  const definitions = useCustomFields().data ?? []
  const changes = fieldChanges(item.before, item.after)
  const summary = item.entity === 'customer' ? null : recordSummary(item.after ?? item.before)

  function fieldLabel(field: string): string {
    const [head = field, ...rest] = field.split('.')
    if (head === 'customFields' && rest.length > 0) return definitions.find((d) => d.key === rest[0])?.label ?? rest.join('.')
    if (head === 'items' && rest.length > 0) return t(`statementItems.${rest[0]}`, { defaultValue: rest.join('.') })
    const label = t(`fields.${head}`, { defaultValue: head })
    return rest.length > 0 ? `${label} · ${t(`fields.${head}_${rest.join('_')}`, { defaultValue: rest.join('.') })}` : label
  }

  return (
    <div className={styles.entry} data-testid="timeline-entry">
      <div className={styles.headline}>
        <Typography.Text strong>{item.actorName ?? item.actor}</Typography.Text>
        <span>{t(`timeline.actions.${item.action}`, { defaultValue: item.action })}</span>
        {summary && <Tag variant="filled">{summary}</Tag>}
        <Typography.Text type="secondary" className={styles.when}>
          {formatDateTime(item.at, i18n.language)}
        </Typography.Text>
      </div>
      {changes.length > 0 && (
        <ul className={styles.changes}>
          {changes.map((change) => (
            <li key={change.field} data-testid="timeline-change">
              <span className={styles.field}>{fieldLabel(change.field)}</span>
              <del className={styles.before}>{changeValueText(change.before)}</del>
              <ArrowRightOutlined className={styles.arrow} />
              <ins className={styles.after}>{changeValueText(change.after)}</ins>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
