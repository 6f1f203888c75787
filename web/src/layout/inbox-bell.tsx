import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMarkNotificationsRead, useNotifications } from '../api/notification-queries.ts'
import type { InboxNotification } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'

/** What a notification says, in the interface language: its kind, the customer, and the comment's start for a mention. */
export function notificationText(n: InboxNotification, t: (key: string, options?: Record<string, unknown>) => string): string {
  const customer = typeof n.payload.customerName === 'string' ? ` · ${n.payload.customerName}` : ''
  return `${t(`inbox.kind.${n.kind}`, { level: n.payload.level ?? '' })}${customer}`
}

/** The bell in the header: the unread count, and the latest notifications; opening one marks it read and goes to its case. */
export function InboxBell() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const inbox = useNotifications()
  const mark = useMarkNotificationsRead()
  const [open, setOpen] = useState(false)
  const items = inbox.data?.items ?? []

  const content = (
    <Flex vertical style={{ width: 360 }} data-testid="inbox-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
              data-unread={n.readAt === null}
              onClick={() => {
                if (n.readAt === null) mark.mutate(n.id)
                setOpen(false)
                if (n.caseId) void navigate(`/cases/${n.caseId}`)
              }}
            >
              <List.Item.Meta
                title={<Typography.Text strong={n.readAt === null}>{notificationText(n, t)}</Typography.Text>}
                description={
                  <>
                    {typeof n.payload.excerpt === 'string' && <div>{n.payload.excerpt}</div>}
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt, i18n.language)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {(inbox.data?.unreadCount ?? 0) > 0 && (
        <Button type="link" onClick={() => mark.mutate(undefined)} loading={mark.isPending} data-testid="inbox-read-all">
          {t('inbox.markAllRead')}
        </Button>
      )}
    </Flex>
  )

  return (
    <Popover content={content} title={t('inbox.title')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={inbox.data?.unreadCount ?? 0} size="small" data-testid="inbox-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('inbox.title')} data-testid="inbox-bell" />
      </Badge>
    </Popover>
  )
}
