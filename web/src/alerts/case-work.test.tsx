// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CaseTimelineEvent, InboxNotification, Me } from '../api/types.ts'
import { InboxBell } from '../layout/inbox-bell.tsx'
import { caseDetail, storedRule } from '../testing/alert-fixtures.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { CasePage } from './case-page.tsx'
import { CasesPage } from './cases-page.tsx'

const me: Me = { user: { id: 'u2', email: 'li.na@example.com', name: '李娜', role: 'analyst', language: null, teamId: null }, permissions: ['customers.read', 'alerts.work'], via: 'session' }

function stubFetch(answer: (path: string, init: RequestInit | undefined) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer(String(url), init))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const renderAt = (path: string) =>
  renderWithApp(
    <MemoryRouter initialEntries={[path]}>
      <InboxBell />
      <Routes>
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/:caseId" element={<CasePage />} />
      </Routes>
    </MemoryRouter>,
    { language: 'en', cached: [[['me'], me]] },
  )

const notification = (overrides: Partial<InboxNotification> = {}): InboxNotification => ({
  id: 'n1',
  userId: 'u2',
  kind: 'case.mentioned',
  title: 'You were mentioned on a case: 华信',
  caseId: 'k1',
  payload: { customerName: '华信贸易', excerpt: '@li.na 请核实' },
  createdAt: '2025-03-01T07:00:00.000Z',
  readAt: null,
  ...overrides,
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('CasesPage', () => {
  it('asks for the cases not closed, worst first then soonest due, and sends the owner and overdue filters', async () => {
    const fetch = stubFetch((path) =>
      path.startsWith('/api/v1/me/notifications') ? Response.json({ items: [], unreadCount: 0, nextCursor: null }) : Response.json({ items: [{ ...caseDetail(), alertCount: 1 }], nextCursor: null }),
    )
    renderAt('/cases')
    const table = await screen.findByTestId('case-table')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2))
    const urls = () => fetch.mock.calls.map(([url]) => String(url))
    expect(urls()).toContain('/api/v1/cases?status=active&sort=severity&limit=50')

    fireEvent.click(screen.getByTestId('case-overdue-filter'))
    await waitFor(() => expect(urls()).toContain('/api/v1/cases?status=active&sort=severity&overdue=true&limit=50'))
    fireEvent.mouseDown(within(screen.getByTestId('case-owner-filter')).getByRole('combobox'))
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="Mine"]')!))
    const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams)
    await waitFor(() => expect(urls().filter((u) => u.startsWith('/api/v1/cases')).map(query)).toContainEqual({ status: 'active', ownerId: 'me', sort: 'severity', overdue: 'true', limit: '50' }))
  })

  it('escalates the selected cases in one bulk request', async () => {
    const fetch = stubFetch((path, init) => {
      if (path.startsWith('/api/v1/me/notifications')) return Response.json({ items: [], unreadCount: 0, nextCursor: null })
      if (init?.method === 'POST') return Response.json({ results: [{ caseId: 'k1', ok: true }] })
      return Response.json({ items: [{ ...caseDetail(), alertCount: 1 }], nextCursor: null })
    })
    renderAt('/cases')
    const table = await screen.findByTestId('case-table')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2))
    fireEvent.click(within(within(table).getAllByRole('row')[1]!).getByRole('checkbox'))
    fireEvent.click(within(await screen.findByTestId('case-bulk-bar')).getByText('Escalate selected'))
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true))
    const [url, init] = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(url).toBe('/api/v1/cases/bulk')
    expect(JSON.parse(String(init!.body))).toEqual({ action: 'escalate', caseIds: ['k1'] })
  })
})

describe('CasePage work', () => {
  it('shows the due time and posts a comment with its @mention as written', async () => {
    const fetch = stubFetch((path, init) => {
      if (path.startsWith('/api/v1/me/notifications')) return Response.json({ items: [], unreadCount: 0, nextCursor: null })
      if (path === '/api/v1/rules/r1') return Response.json(storedRule())
      if (path.endsWith('/comments') && init?.method === 'POST') return Response.json({ id: 'm1', caseId: 'k1', author: 'user:u2', body: 'x', mentions: ['u3'], createdAt: '2025-03-01T07:00:00.000Z' }, { status: 201 })
      if (path.endsWith('/comments') || path.endsWith('/attachments') || path.endsWith('/timeline') || path === '/api/v1/case-workers') return Response.json({ items: [] })
      return Response.json(caseDetail())
    })
    renderAt('/cases/k1')
    expect(await screen.findByTestId('case-actions')).toBeTruthy()
    expect(screen.getByText(/Overdue/)).toBeTruthy() // due 2025-03-02: long past
    fireEvent.change(screen.getByTestId('case-comment-body'), { target: { value: '@wang 请看一下' } })
    fireEvent.click(screen.getByTestId('case-comment-submit'))
    await waitFor(() => expect(fetch.mock.calls.some(([url, init]) => String(url) === '/api/v1/cases/k1/comments' && init?.method === 'POST')).toBe(true))
    const [, init] = fetch.mock.calls.find(([url, init]) => String(url) === '/api/v1/cases/k1/comments' && init?.method === 'POST')!
    expect(JSON.parse(String(init!.body))).toEqual({ body: '@wang 请看一下' })

    fireEvent.click(screen.getByTestId('case-investigate'))
    await waitFor(() => expect(fetch.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`)).toContain('POST /api/v1/cases/k1/investigate'))
  })
})

describe('CasePage timeline', () => {
  it('lists what was done to the case newest first, with the translated actions, the changes and the alert that raised it', async () => {
    const timeline: CaseTimelineEvent[] = [
      { kind: 'action', at: '2025-03-01T09:00:00.000Z', action: 'case.escalated', actor: 'user:u2', actorName: '李娜', changes: [{ field: 'status', before: 'investigating', after: 'escalated' }, { field: 'escalationLevel', before: 0, after: 1 }], note: '金额异常' },
      { kind: 'action', at: '2025-03-01T08:00:00.000Z', action: 'case.assigned', actor: 'system', actorName: null, changes: [{ field: 'ownerId', before: null, after: 'u2' }], note: null },
      { kind: 'alert', at: '2025-03-01T06:05:01.000Z', alertId: 'a1', ruleKey: 'large_amount', severity: 'high' },
    ]
    const fetch = stubFetch((path) => {
      if (path.startsWith('/api/v1/me/notifications')) return Response.json({ items: [], unreadCount: 0, nextCursor: null })
      if (path === '/api/v1/rules/r1') return Response.json(storedRule())
      if (path === '/api/v1/cases/k1/timeline') return Response.json({ items: timeline })
      if (path.endsWith('/comments') || path.endsWith('/attachments') || path === '/api/v1/case-workers') return Response.json({ items: [] })
      return Response.json(caseDetail())
    })
    renderAt('/cases/k1')
    const list = await screen.findByTestId('case-timeline')
    const events = await waitFor(() => {
      const found = within(list).getAllByTestId('case-timeline-event')
      expect(found).toHaveLength(3)
      return found
    })
    expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/v1/cases/k1/timeline')
    expect(events[0]!.textContent).toContain('李娜escalated the case')
    expect(events[0]!.textContent).toContain('Status: Investigating')
    expect(events[0]!.textContent).toContain('Escalated')
    expect(events[0]!.textContent).toContain('Escalation level: 0')
    expect(events[0]!.textContent).toContain('金额异常')
    expect(events[1]!.textContent).toContain('Systemassigned the case')
    expect(events[1]!.textContent).toContain('Owner: —')
    expect(events[2]!.textContent).toContain('Alert raised')
    expect(events[2]!.textContent).toContain('large_amount')
  })
})

describe('InboxBell', () => {
  it('shows the unread count, lists the notifications in the interface language, and marks all read', async () => {
    const fetch = stubFetch((path, init) => {
      if (init?.method === 'POST') return Response.json({ marked: 2 })
      if (path.startsWith('/api/v1/me/notifications')) return Response.json({ items: [notification(), notification({ id: 'n2', kind: 'case.escalated', payload: { customerName: '华信贸易', level: 2 }, readAt: '2025-03-01T08:00:00.000Z' })], unreadCount: 1, nextCursor: null })
      return Response.json({ items: [], nextCursor: null })
    })
    renderAt('/cases')
    await waitFor(() => expect(screen.getByTestId('inbox-count').textContent).toContain('1'))
    fireEvent.click(screen.getByTestId('inbox-bell'))
    const list = await screen.findByTestId('inbox-list')
    expect(list.textContent).toContain('You were mentioned · 华信贸易')
    expect(list.textContent).toContain('Case escalated (level 2) · 华信贸易')
    fireEvent.click(within(list).getByTestId('inbox-read-all'))
    await waitFor(() => expect(fetch.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`)).toContain('POST /api/v1/me/notifications/read-all'))
  })
})
