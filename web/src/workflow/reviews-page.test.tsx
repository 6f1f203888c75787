// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { ConfigProvider } from 'antd'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Language, Me } from '../api/types.ts'
import type { Review } from '../api/workflow-queries.ts'
import { antdLocale } from '../i18n/antd-locale.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { ReviewsPage } from './reviews-page.tsx'

const me: Me = { user: { id: 'u1', email: 'wang.fang@example.com', name: '王芳', role: 'risk_manager', language: null, teamId: null }, permissions: ['customers.read', 'reviews.manage'], via: 'session' }

function review(overrides: Partial<Review> = {}): Review {
  return {
    id: 'r1',
    customerId: 'c1',
    customerName: 'Huaxin Trading',
    dueOn: '2026-03-20',
    basedOn: '2025-03-20',
    grade: 'B',
    frequency: { every: 12, unit: 'months' },
    policyVersion: 1,
    status: 'scheduled',
    overdue: false,
    daysOverdue: 0,
    scheduledAt: '2025-03-20T08:00:00.000Z',
    completedBy: null,
    completedAt: null,
    outcome: null,
    overdueAlertedAt: null,
    overdueTaskId: null,
    ...overrides,
  }
}

const late = review({ id: 'r2', customerId: 'c2', customerName: 'Jinshan Steel', dueOn: '2026-03-10', grade: 'D', overdue: true, daysOverdue: 5 })
const april = review({ id: 'r3', customerId: 'c3', customerName: 'Nanhu Foods', dueOn: '2026-04-07', grade: 'A' })

/** The server: the overdue reviews, and each month's reviews by the range asked for. */
function stubFetch() {
  const byPath: Record<string, Review[]> = {
    '/api/v1/reviews?overdue=true': [late],
    '/api/v1/reviews?from=2026-03-01&to=2026-03-31': [review(), late],
    '/api/v1/reviews?from=2026-04-01&to=2026-04-30': [april],
  }
  const fetch = vi.fn(async (url: string) => Response.json({ items: byPath[String(url)] ?? [], nextCursor: null }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function renderPage(language: Language) {
  return renderWithApp(
    <ConfigProvider locale={antdLocale(language)}>
      <MemoryRouter>
        <ReviewsPage />
      </MemoryRouter>
    </ConfigProvider>,
    { language, cached: [[['me'], me]] },
  )
}

/** The calendar's cell of a day, which antd titles with its date. */
const cell = (date: string) => screen.getByTestId('reviews-calendar').querySelector<HTMLElement>(`td[title="${date}"]`)!

beforeEach(() => {
  // Only Date is faked: the calendar opens on "today", and the testing library still polls on real timers.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-03-15T09:00:00Z'))
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('ReviewsPage calendar', () => {
  it("lists each review on its due day's cell, overdue ones in red, and fetches a month when it is shown", async () => {
    const fetch = stubFetch()
    renderPage('en')
    const due = await waitFor(() => within(cell('2026-03-20')).getByRole('link', { name: 'Huaxin Trading' }))
    expect(due.getAttribute('href')).toBe('/customers/c1')
    expect(cell('2026-03-20').textContent).toBe('20BHuaxin Trading')
    expect(cell('2026-03-20').querySelector('li')!.dataset.overdue).toBe('false')
    expect(within(cell('2026-03-10')).getByRole('link', { name: 'Jinshan Steel' }).getAttribute('href')).toBe('/customers/c2')
    expect(cell('2026-03-10').querySelector('li')!.dataset.overdue).toBe('true')
    expect(cell('2026-03-10').querySelector('li')!.getAttribute('title')).toBe('5 days overdue')
    expect(cell('2026-03-10').querySelector('.ant-tag-red')!.textContent).toBe('D')
    expect(cell('2026-03-21').querySelector('li')).toBeNull()
    // The overdue list stays above the calendar.
    expect(within(screen.getByTestId('reviews-overdue')).getByRole('link', { name: 'Jinshan Steel' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Next month' }))
    await waitFor(() => within(cell('2026-04-07')).getByRole('link', { name: 'Nanhu Foods' }))
    expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/v1/reviews?from=2026-04-01&to=2026-04-30')
    expect(screen.getByTestId('reviews-month').textContent).toBe('Apr 2026')
    expect(cell('2026-04-20').querySelector('li')).toBeNull()

    // Picking a day of the next month on the calendar shows that month too.
    fireEvent.click(cell('2026-05-04'))
    await waitFor(() => expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/v1/reviews?from=2026-05-01&to=2026-05-31'))
    expect(screen.getByTestId('reviews-month').textContent).toBe('May 2026')
  })

  it('still shows the month as a list by due date', async () => {
    stubFetch()
    renderPage('en')
    await waitFor(() => within(cell('2026-03-20')).getByRole('link', { name: 'Huaxin Trading' }))
    fireEvent.click(within(screen.getByTestId('reviews-view')).getByText('List'))
    await waitFor(() => expect(screen.queryByTestId('reviews-calendar')).toBeNull())
    const text = document.body.textContent!
    expect(text.indexOf('Mar 10, 2026')).toBeLessThan(text.indexOf('Mar 20, 2026'))
    expect(text.slice(text.indexOf('Mar 20, 2026'))).toContain('Huaxin Trading')
  })

  it('heads its weeks in the interface language, from Monday in Chinese', async () => {
    stubFetch()
    renderPage('zh-CN')
    await waitFor(() => within(cell('2026-03-20')).getByRole('link', { name: 'Huaxin Trading' }))
    const weekdays = [...screen.getByTestId('reviews-calendar').querySelectorAll('thead th')].map((th) => th.textContent)
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日'])
  })
})
