import { Calendar, Tag, theme } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Review } from '../api/workflow-queries.ts'
import { byDueDate } from './review-month.ts'

export type ReviewCalendarProps = {
  /** The selected day (YYYY-MM-DD); the calendar shows its month. */
  day: string
  reviews: readonly Review[]
  /** A day picked on the calendar, possibly in the month before or after. */
  onDayChange: (day: string) => void
}

/** A month of reviews as a calendar: each day lists the reviews due that day, overdue ones in red. */
export function ReviewCalendar({ day, reviews, onDayChange }: ReviewCalendarProps) {
  const due = new Map(byDueDate(reviews))
  return (
    <div data-testid="reviews-calendar">
      <Calendar
        value={dayjs(day)}
        // The page's own header steps through the months, for the calendar and the list alike.
        headerRender={() => null}
        onChange={(date) => onDayChange(date.format('YYYY-MM-DD'))}
        cellRender={(date, info) => (info.type === 'date' ? <DueReviews reviews={due.get(date.format('YYYY-MM-DD')) ?? []} /> : info.originNode)}
      />
    </div>
  )
}

function DueReviews({ reviews }: { reviews: readonly Review[] }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  if (reviews.length === 0) return null
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {reviews.map((review) => (
        <li
          key={review.id}
          title={review.overdue ? t('reviews.overdueDays', { count: review.daysOverdue }) : t(`reviews.status.${review.status}`)}
          data-overdue={review.overdue}
          style={{ lineHeight: '22px', whiteSpace: 'nowrap', opacity: review.status === 'scheduled' ? 1 : 0.55 }}
        >
          <Tag color={review.overdue ? 'red' : undefined} style={{ marginInlineEnd: 4 }}>
            {review.grade}
          </Tag>
          {/* Following the link opens the customer without also picking the day. */}
          <Link to={`/customers/${review.customerId}`} onClick={(event) => event.stopPropagation()} style={review.overdue ? { color: token.colorError } : undefined}>
            {review.customerName ?? review.customerId}
          </Link>
        </li>
      ))}
    </ul>
  )
}
