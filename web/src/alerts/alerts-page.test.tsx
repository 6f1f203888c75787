// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../api/types.ts'
import { alertView, caseDetail, storedRule } from '../testing/alert-fixtures.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { AlertsPage } from './alerts-page.tsx'
import { CasePage } from './case-page.tsx'

const me = (permissions: string[]): Me => ({ user: { id: 'u2', email: 'li.na@example.com', name: '李娜', role: 'analyst', language: null, teamId: null }, permissions, via: 'session' })

function stubFetch(answer: (path: string, init: RequestInit | undefined) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer(String(url), init))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function renderAt(path: string, permissions: string[]) {
  return renderWithApp(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/alerts" element={<AlertsPage />} />
        <Route path="/cases/:caseId" element={<CasePage />} />
      </Routes>
    </MemoryRouter>,
    { language: 'en', cached: [[['me'], me(permissions)]] },
  )
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('AlertsPage', () => {
  it('lists the alerts as the server orders them, linking to the customer and the case, and sends its filters', async () => {
    const fetch = stubFetch(() =>
      Response.json({ items: [alertView(), alertView({ id: 'a2', severity: 'critical', customerId: 'c2', caseId: 'k2', ruleKey: 'burst', ruleVersion: 1 })], nextCursor: null }),
    )
    renderAt('/alerts', ['customers.read'])
    const table = await screen.findByTestId('alert-table')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3))
    const [first, second] = within(table).getAllByRole('row').slice(1)
    expect(first!.textContent).toContain('large_amount v3')
    expect(first!.querySelector('[data-severity="high"]')!.textContent).toBe('High')
    expect(within(first!).getByRole('link', { name: 'c1' }).getAttribute('href')).toBe('/customers/c1')
    expect(within(first!).getByRole('link', { name: 'Open case' }).getAttribute('href')).toBe('/cases/k1')
    expect(second!.querySelector('[data-severity="critical"]')!.textContent).toBe('Critical')
    expect(String(fetch.mock.calls[0]![0])).toBe('/api/v1/alerts?limit=50')

    fireEvent.mouseDown(within(screen.getByTestId('alert-severity-filter')).getByRole('combobox'))
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="Critical"]')!))
    await waitFor(() => expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/v1/alerts?severity=critical&limit=50'))

    fireEvent.change(screen.getByLabelText('Rule key'), { target: { value: 'burst' } })
    fireEvent.blur(screen.getByLabelText('Rule key'))
    fireEvent.click(screen.getByTestId('alert-shadow-filter'))
    await waitFor(() => expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/v1/alerts?severity=critical&ruleKey=burst&shadow=true&limit=50'))

    fireEvent.mouseDown(within(screen.getByTestId('alert-sort')).getByRole('combobox'))
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="Soonest SLA first"]')!))
    await waitFor(() => expect(fetch.mock.calls.map(([url]) => String(url))).toContain('/api/v1/alerts?severity=critical&ruleKey=burst&shadow=true&sort=sla&limit=50'))
  })
})

describe('CasePage', () => {
  it("shows each alert's evidence next to the customer's baseline and its rule's playbook", async () => {
    stubFetch((path) => (path === '/api/v1/rules/r1' ? Response.json(storedRule()) : Response.json(caseDetail())))
    renderAt('/cases/k1', ['customers.read'])
    const evidence = await screen.findByTestId('evidence-table')
    const rows = within(evidence).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual(['tx.amount400,000100,000 (f.amount_mean)', 'f.count_24h122.2 (f.daily_count_mean)', 'tx.channelonline—'])
    expect((await screen.findByTestId('playbook')).textContent).toContain('ask the relationship manager')
    expect(screen.queryByTestId('close-case-form')).toBeNull()
  })

  it("refuses an empty note, then shows the server's error on the field", async () => {
    const fetch = stubFetch((path, init) => {
      if (init?.method === 'POST') return Response.json({ error: { code: 'validation_failed', message: 'note is too long', details: [{ path: 'note', message: 'must NOT have more than 4000 characters' }] } }, { status: 400 })
      return path === '/api/v1/rules/r1' ? Response.json(storedRule()) : Response.json(caseDetail())
    })
    renderAt('/cases/k1', ['customers.read', 'alerts.work'])
    const form = await screen.findByTestId('close-case-form')
    fireEvent.mouseDown(within(within(form).getByTestId('close-disposition')).getByRole('combobox'))
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="False positive"]')!))
    fireEvent.click(within(form).getByTestId('close-case-submit'))
    await waitFor(() => expect(form.textContent).toContain('Required'))
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false)

    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: 'checked the contract' } })
    fireEvent.click(within(form).getByTestId('close-case-submit'))
    await waitFor(() => expect(form.querySelector('.ant-form-item-explain-error')?.textContent).toBe('At most 4000 characters'))
    const [url, init] = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(url).toBe('/api/v1/cases/k1/close')
    expect(JSON.parse(String(init!.body))).toEqual({ disposition: 'false_positive', note: 'checked the contract' })
  })
})
