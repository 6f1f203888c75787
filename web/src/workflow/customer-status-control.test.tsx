// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Customer } from '../api/types.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { CustomerStatusControl } from './customer-status-control.tsx'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const customer = { id: 'c1', name: 'Acme', status: 'onboarding' } as Customer

describe('CustomerStatusControl', () => {
  it('shows what the move lacks and, after submitting, the reasons the server refused it', async () => {
    const refusal = [
      { path: 'contacts', message: 'the KYC checklist needs at least one contact' },
      { path: 'onboardingApproval', message: 'activation needs an approved onboarding request' },
    ]
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return Response.json({ error: { code: 'conflict', message: 'cannot become active', details: refusal } }, { status: 409 })
      return Response.json({
        customerId: 'c1',
        status: 'onboarding',
        kycChecklist: [{ item: 'contacts', done: false }],
        transitions: [{ to: 'active', problems: [{ path: 'contacts', message: 'the KYC checklist needs at least one contact' }] }, { to: 'closed', problems: [{ path: 'note', message: 'closed needs a note saying why' }] }],
      })
    })
    vi.stubGlobal('fetch', fetch)
    renderWithApp(<CustomerStatusControl customer={customer} />, { language: 'en' })

    fireEvent.click(await screen.findByTestId('customer-status-change'))
    fireEvent.mouseDown(within(await screen.findByTestId('customer-status-target')).getByRole('combobox'))
    fireEvent.click(await waitFor(() => document.querySelector('.ant-select-item-option[title="Active"]')!))
    await waitFor(() => expect(document.body.textContent).toContain('Still missing'))
    fireEvent.click(screen.getByRole('button', { name: 'OK' }))

    const shown = await screen.findByTestId('customer-status-refusal')
    expect(shown.textContent).toContain('The server refused the change')
    for (const problem of refusal) expect(shown.textContent).toContain(problem.message)
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(post[0]).toBe('/api/v1/customers/c1/status')
    expect(JSON.parse(String(post[1]!.body))).toEqual({ status: 'active', note: null })
  })
})
