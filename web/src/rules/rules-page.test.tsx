// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../api/types.ts'
import { storedRule } from '../testing/alert-fixtures.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { RulesPage } from './rules-page.tsx'

const me = (permissions: string[]): Me => ({ user: { id: 'u2', email: 'li.na@example.com', name: '李娜', role: 'risk_manager', language: null, teamId: null }, permissions, via: 'session' })

function stubFetch(answer: (path: string, init: RequestInit | undefined) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer(String(url), init))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const render = (permissions: string[]) => renderWithApp(<MemoryRouter><RulesPage /></MemoryRouter>, { language: 'en', cached: [[['me'], me(permissions)]] })

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('RulesPage', () => {
  it('lists the rule versions with their state, severity and scope; moving one needs rules.manage', async () => {
    stubFetch(() => Response.json({ items: [storedRule(), storedRule({ id: 'r0', version: 2, state: 'retired' })] }))
    render(['customers.read'])
    const table = await screen.findByTestId('rule-table')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3))
    const [first, second] = within(table).getAllByRole('row').slice(1)
    expect(first!.textContent).toContain('large_amount')
    expect(first!.textContent).toContain('Large amount')
    expect(first!.textContent).toContain('Active')
    expect(first!.textContent).toContain('High')
    expect(first!.textContent).toContain('Each transaction')
    expect(second!.textContent).toContain('Retired')
    expect(screen.queryByTestId('create-rule')).toBeNull()
    expect(screen.queryByTestId('rule-r1-retired')).toBeNull()
  })

  it('posts a state change', async () => {
    const fetch = stubFetch((_, init) => (init?.method === 'POST' ? Response.json(storedRule({ state: 'retired' })) : Response.json({ items: [storedRule({ state: 'shadow' })] })))
    render(['customers.read', 'rules.manage'])
    fireEvent.click(await screen.findByTestId('rule-r1-active'))
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true))
    const [url, init] = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(url).toBe('/api/v1/rules/r1/state')
    expect(JSON.parse(String(init!.body))).toEqual({ state: 'active' })
  })

  it("shows a 400's expression problem on the expression field with its line and column", async () => {
    const fetch = stubFetch((_, init) =>
      init?.method === 'POST'
        ? Response.json(
            {
              error: {
                code: 'validation_failed',
                message: 'expression unknown variable f.cnt_24h at column 13; did you mean f.count_24h?',
                details: [
                  { path: 'expression', message: 'unknown variable f.cnt_24h at column 13; did you mean f.count_24h?' },
                  { path: 'playbook.do[0]', message: 'must not be empty' },
                ],
              },
            },
            { status: 400 },
          )
        : Response.json({ items: [] }),
    )
    render(['customers.read', 'rules.manage'])
    fireEvent.click(await screen.findByTestId('create-rule'))
    const drawer = (await screen.findByText('New rule', { selector: '.ant-drawer-title' })).closest('.ant-drawer') as HTMLElement
    fireEvent.change(within(drawer).getByLabelText('Key'), { target: { value: 'burst' } })
    fireEvent.change(within(drawer).getByLabelText('Name (Chinese)'), { target: { value: '高频' } })
    fireEvent.change(within(drawer).getByLabelText('Name (English)'), { target: { value: 'Burst' } })
    fireEvent.change(within(drawer).getByLabelText('Expression'), { target: { value: 'f.cnt_24h >= 10' } })
    fireEvent.change(within(drawer).getByLabelText('Do'), { target: { value: 'call the customer' } })
    fireEvent.click(within(drawer).getByTestId('rule-save'))

    const expression = within(drawer).getByTestId('rule-expression')
    await waitFor(() => expect(expression.querySelector('.ant-form-item-explain-error')?.textContent).toBe('Line 1, column 13: unknown variable f.cnt_24h; did you mean f.count_24h?'))
    expect(drawer.textContent).toContain('0: must not be empty')
    const [url, init] = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(url).toBe('/api/v1/rules')
    expect(JSON.parse(String(init!.body))).toMatchObject({ key: 'burst', name: { zh: '高频', en: 'Burst' }, expression: 'f.cnt_24h >= 10', severity: 'medium', scope: 'transaction', playbook: { check: [], do: ['call the customer'], tell: [] } })
  })

  it('checks the expression as it is typed and marks the problem before anything is saved', async () => {
    const checked: unknown[] = []
    const fetch = stubFetch((url, init) => {
      if (url === '/api/v1/rules/check') {
        const body = JSON.parse(String(init!.body)) as { expression: string }
        checked.push(body)
        return body.expression.includes('cnt')
          ? Response.json({ valid: false, problems: [{ path: 'expression', message: 'unknown variable f.cnt_24h at column 1; did you mean f.count_24h?' }, { path: 'key', message: 'must not be here' }] })
          : Response.json({ valid: true, problems: [] })
      }
      return Response.json({ items: [] })
    })
    render(['customers.read', 'rules.manage'])
    fireEvent.click(await screen.findByTestId('create-rule'))
    const drawer = (await screen.findByText('New rule', { selector: '.ant-drawer-title' })).closest('.ant-drawer') as HTMLElement
    const expression = within(drawer).getByTestId('rule-expression')

    fireEvent.change(within(drawer).getByLabelText('Expression'), { target: { value: 'f.cnt_24h >= 10' } })
    await waitFor(() => expect(expression.querySelector('.ant-form-item-explain-error')?.textContent).toBe('Line 1, column 1: unknown variable f.cnt_24h; did you mean f.count_24h?'))
    // Only the positioned fields speak while typing: the key was stood in for, never marked.
    expect(drawer.textContent).not.toContain('must not be here')
    expect(checked[0]).toMatchObject({ key: 'draft', expression: 'f.cnt_24h >= 10', scope: 'transaction' })

    fireEvent.change(within(drawer).getByLabelText('Expression'), { target: { value: 'f.count_24h >= 10' } })
    await within(drawer).findByTestId('rule-expression-valid')
    await waitFor(() => expect(expression.querySelector('.ant-form-item-has-error')).toBeNull())
    expect(fetch.mock.calls.some(([url, init]) => url === '/api/v1/rules' && init?.method === 'POST')).toBe(false)
  })
})
