import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Flex, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCompleteReview, useOverdueReviews, useReviews, type Review } from '../api/workflow-queries.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { formatDate, formatMonth } from '../format/dates.ts'
import { ReviewCalendar } from './review-calendar.tsx'
import { byDueDate, monthRange } from './review-month.ts'

/**
 * The reviews calendar: the overdue periodic reviews first, then the month's reviews (scheduled,
 * done, cancelled) on a calendar or as a list by due date; a scheduled review is completed with its outcome.
 */
export function ReviewsPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { message } = App.useApp()
  const canComplete = useHasPermission('reviews.manage')
  const [view, setView] = useState<'calendar' | 'list'>('calendar')
  // The calendar's selected day; its month is the one shown and fetched.
  const [day, setDay] = useState(() => dayjs().format('YYYY-MM-DD'))
  const range = monthRange(day.slice(0, 7))
  const reviews = useReviews({ from: range.from, to: range.to })
  const overdue = useOverdueReviews()
  const complete = useCompleteReview()
  const [completing, setCompleting] = useState<Review | null>(null)
  const [outcome, setOutcome] = useState('')

  function submit() {
    if (!completing) return
    complete.mutate(
      { id: completing.id, outcome: outcome.trim() },
      {
        onSuccess: ({ next }) => {
          void message.success(next ? t('reviews.completedNext', { date: formatDate(next.dueOn, locale) }) : t('reviews.completed'))
          setCompleting(null)
          setOutcome('')
        },
        onError: (error) => void message.error(error.message),
      },
    )
  }

  const item = (review: Review) => (
    <List.Item
      key={review.id}
      actions={
        canComplete && review.status === 'scheduled'
          ? [
              <Button key="complete" size="small" onClick={() => setCompleting(review)} data-testid="review-complete">
                {t('reviews.complete')}
              </Button>,
            ]
          : []
      }
    >
      <Space wrap>
        <Link to={`/customers/${review.customerId}`}>{review.customerName ?? review.customerId}</Link>
        <Tag>{review.grade}</Tag>
        <Typography.Text type="secondary">{t('reviews.every', { count: review.frequency.every, unit: t(`reviews.units.${review.frequency.unit}`) })}</Typography.Text>
        {review.overdue ? <Tag color="red">{t('reviews.overdueDays', { count: review.daysOverdue })}</Tag> : <Tag color={review.status === 'done' ? 'green' : review.status === 'cancelled' ? 'default' : 'blue'}>{t(`reviews.status.${review.status}`)}</Tag>}
        {review.outcome && <Typography.Text italic>{review.outcome}</Typography.Text>}
      </Space>
    </List.Item>
  )

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reviews.title')}
      </Typography.Title>
      {(reviews.error ?? overdue.error) && <Alert type="error" showIcon title={(reviews.error ?? overdue.error)!.message} style={{ marginBottom: 16 }} />}
      {(overdue.data?.length ?? 0) > 0 && (
        <Card size="small" title={t('reviews.overdue', { count: overdue.data!.length })} style={{ marginBottom: 16, borderColor: '#ff4d4f' }} data-testid="reviews-overdue">
          <List dataSource={overdue.data} renderItem={(review) => item(review)} />
        </Card>
      )}
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => setDay(`${range.previous}-01`)} aria-label={t('reviews.previousMonth')} />
        <Typography.Title level={4} style={{ margin: 0, minWidth: 160, textAlign: 'center' }} data-testid="reviews-month">
          {formatMonth(range.from, locale)}
        </Typography.Title>
        <Button icon={<RightOutlined />} onClick={() => setDay(`${range.next}-01`)} aria-label={t('reviews.nextMonth')} />
        <Segmented
          style={{ marginInlineStart: 'auto' }}
          value={view}
          onChange={setView}
          options={[
            { value: 'calendar', label: t('reviews.calendar') },
            { value: 'list', label: t('reviews.list') },
          ]}
          data-testid="reviews-view"
        />
      </Flex>
      {view === 'calendar' ? (
        <ReviewCalendar day={day} reviews={reviews.data ?? []} onDayChange={setDay} />
      ) : (
        <>
          {reviews.data && reviews.data.length === 0 && <Empty description={t('reviews.none')} />}
          {byDueDate(reviews.data ?? []).map(([dueOn, due]) => (
            <div key={dueOn} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{formatDate(dueOn, locale)}</Typography.Text>
              <List size="small" dataSource={due} renderItem={(review) => item(review)} />
            </div>
          ))}
        </>
      )}
      <Modal
        open={completing !== null}
        title={completing ? t('reviews.completeTitle', { name: completing.customerName ?? completing.customerId }) : ''}
        onCancel={() => setCompleting(null)}
        onOk={submit}
        okButtonProps={{ disabled: outcome.trim() === '', loading: complete.isPending }}
        destroyOnHidden
      >
        <Input.TextArea rows={4} value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder={t('reviews.outcome')} data-testid="review-outcome" />
      </Modal>
    </Card>
  )
}
