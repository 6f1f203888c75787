// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../api/types.ts'
import { modelDetail, modelSummary } from '../testing/model-fixtures.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { ModelDetailPage } from './model-detail-page.tsx'
import { ModelsPage } from './models-page.tsx'

const me = (permissions: string[]): Me => ({ user: { id: 'u2', email: 'li.na@example.com', name: '李娜', role: 'risk_manager', language: null, teamId: null }, permissions, via: 'session' })

function stubFetch(answer: (path: string, init: RequestInit | undefined) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer(String(url), init))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function renderAt(path: string, permissions: string[]) {
  return renderWithApp(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/models" element={<ModelsPage />} />
        <Route path="/models/:modelId" element={<ModelDetailPage />} />
      </Routes>
    </MemoryRouter>,
    { language: 'en', cached: [[['me'], me(permissions)]] },
  )
}

describe('ModelsPage', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('lists the models with their status and holdout AUC, KS and Gini', async () => {
    stubFetch(() =>
      Response.json({
        items: [
          modelSummary({ status: 'approved', approvedBy: 'user:u2', approvedAt: '2025-03-02T00:00:00.000Z' }),
          modelSummary({ id: 'm2', name: 'SME application', version: 2, metrics: { ...modelSummary().metrics, holdout: null } }),
        ],
      }),
    )
    renderAt('/models', ['customers.read'])
    const table = await screen.findByTestId('model-table')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3))
    const [first, second] = within(table).getAllByRole('row').slice(1)
    expect(within(first!).getByRole('link', { name: 'SME application' }).getAttribute('href')).toBe('/models/m1')
    expect(first!.textContent).toContain('Approved')
    expect(first!.textContent).toContain('0.791')
    expect(first!.textContent).toContain('0.443')
    expect(first!.textContent).toContain('0.582')
    expect(second!.textContent).toContain('Draft')
    expect(second!.textContent).toContain('v2')
    expect(screen.queryByTestId('train-model')).toBeNull()
  })

  it("trains from a CSV file: offers the header's columns, sends the file, follows the job and opens the new model", async () => {
    const fetch = stubFetch((path, init) => {
      if (init?.method === 'POST') return Response.json({ id: 'j1', status: 'queued', phase: null, done: 0, total: 0, modelId: null, error: null }, { status: 202 })
      if (path === '/api/v1/models/training-jobs/j1') return Response.json({ id: 'j1', status: 'succeeded', phase: 'saving', done: 5, total: 5, modelId: 'm9', error: null })
      if (path === '/api/v1/models/m9') return Response.json(modelDetail({ id: 'm9', name: 'Applicants 2025' }))
      return Response.json({ items: [] })
    })
    renderAt('/models', ['customers.read', 'models.train'])
    fireEvent.click(await screen.findByTestId('train-model'))
    const drawer = (await screen.findByText('Train a scorecard')).closest('.ant-drawer') as HTMLElement

    const file = new File(['id,income,class\n1,5000,good\n2,1200,bad\n'], 'applicants-2025.csv', { type: 'text/csv' })
    fireEvent.change(drawer.querySelector('input[type="file"]')!, { target: { files: [file] } })
    await waitFor(() => expect((within(drawer).getByLabelText('Name') as HTMLInputElement).value).toBe('applicants-2025'))

    fireEvent.mouseDown(within(within(drawer).getByTestId('train-target')).getByRole('combobox'))
    await waitFor(() => expect([...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent)).toEqual(['id', 'income', 'class']))
    fireEvent.click(document.querySelector('.ant-select-item-option[title="class"]')!)
    fireEvent.change(within(drawer).getByLabelText('Bad value'), { target: { value: 'bad' } })
    fireEvent.click(within(drawer).getByTestId('train-submit'))

    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true))
    const [url, init] = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(url).toBe('/api/v1/models/training-jobs?name=applicants-2025&target=class&bad=bad&holdoutFraction=0.3')
    expect((init!.headers as Record<string, string>)['content-type']).toBe('text/csv')
    expect(await (init!.body as Blob).text()).toContain('id,income,class')
    expect((await screen.findByTestId('model-name', {}, { timeout: 5000 })).textContent).toBe('Applicants 2025')
  })
})

describe('ModelDetailPage', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the metrics, the ROC and KS curves, and the points table grouped by feature', async () => {
    // happy-dom lays nothing out: give the charts the size a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300)
    stubFetch(() => Response.json(modelDetail()))
    renderAt('/models/m1', ['customers.read'])
    expect((await screen.findByTestId('model-name')).textContent).toBe('SME application')
    const rows = within(screen.getByTestId('scorecard-table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual(['yearsTradingIV 0.2113< 395015.8%-0.520.07-13.5', '>= 32,5507.8%0.270.047'])
    expect(screen.getByTestId('metrics-table').textContent).toContain('0.791')
    expect(screen.getByTestId('roc-chart').textContent).toContain('Random ranking')
    expect(screen.getByTestId('ks-chart').textContent).toContain('KS 0.4 at 600')
    expect(screen.queryByTestId('approve-model')).toBeNull()
  })

  it("shows the server's refusal when the trainer tries to approve their own model", async () => {
    const fetch = stubFetch((path, init) =>
      init?.method === 'POST'
        ? Response.json({ error: { code: 'forbidden', message: 'the trainer of a model cannot approve it' } }, { status: 403 })
        : Response.json(modelDetail()),
    )
    renderAt('/models/m1', ['customers.read', 'models.approve'])
    fireEvent.click(await screen.findByTestId('approve-model'))
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' })) // the confirmation's
    expect((await screen.findByTestId('model-refusal')).textContent).toContain('the trainer of a model cannot approve it')
    expect(fetch.mock.calls.some(([url, init]) => url === '/api/v1/models/m1/approve' && (init as RequestInit).method === 'POST')).toBe(true)
  })
})
