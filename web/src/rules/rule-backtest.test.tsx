// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RuleInput } from '../api/types.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { RuleBacktest, type RuleBacktestResult } from './rule-backtest.tsx'

const rule: RuleInput = {
  key: 'big_cash',
  name: { zh: '大额现金', en: 'Big cash' },
  description: '',
  expression: 'tx.is_cash && tx.amount > 1_000_000',
  severity: 'high',
  score: 60,
  tags: [],
  scope: 'transaction',
  suppressionHours: 24,
  playbook: { check: [], do: [], tell: [] },
}

const answer = (groundTruth: RuleBacktestResult['groundTruth']): RuleBacktestResult => ({
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-04T00:00:00.000Z',
  transactions: 1234,
  hits: 9,
  suppressed: 2,
  customersAffected: 4,
  alertCount: 7,
  perDay: [
    { day: '2026-01-01', alerts: 3 },
    { day: '2026-01-02', alerts: 0 },
    { day: '2026-01-03', alerts: 4 },
  ],
  groundTruth,
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('RuleBacktest', () => {
  it('posts the rule being edited with the range and shows the totals and the recall and precision', async () => {
    const fetch = vi.fn(async () => Response.json(answer({ cases: 5, recall: { hits: 4, total: 5, value: 0.8 }, precision: { hits: 6, total: 7, value: 6 / 7 }, precisionAll: { hits: 6, total: 7, value: 6 / 7 } })))
    vi.stubGlobal('fetch', fetch)
    renderWithApp(<RuleBacktest getRule={async () => rule} />, { language: 'en' })
    fireEvent.change(screen.getByTestId('backtest-from'), { target: { value: '2026-01-01' } })
    fireEvent.change(screen.getByTestId('backtest-to'), { target: { value: '2026-01-04' } })
    fireEvent.click(screen.getByTestId('backtest-run'))
    const totals = await screen.findByTestId('backtest-totals')
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/rules/backtest')
    expect(JSON.parse(String(init.body))).toEqual({ rule, from: '2026-01-01', to: '2026-01-04' })
    expect(totals.textContent).toContain('Hits9')
    expect(totals.textContent).toContain('Alerts7')
    expect(totals.textContent).toContain('Customers affected4')
    expect(screen.getByTestId('backtest-ground-truth').textContent).toBe('Against 5 labelled cases: recall 80.0% (4/5), precision 85.7% (6/7)')
  })

  it('says so when the range has no labelled cases, and shows the server’s refusal', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json(answer(null))))
    renderWithApp(<RuleBacktest getRule={async () => rule} />, { language: 'en' })
    fireEvent.click(screen.getByTestId('backtest-run'))
    await waitFor(() => expect(screen.getByText('No labelled cases in the range: no recall or precision.')).toBeTruthy())
    cleanup()
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: { code: 'validation_failed', message: 'to must be after from', details: [] } }, { status: 400 })))
    renderWithApp(<RuleBacktest getRule={async () => rule} />, { language: 'en' })
    fireEvent.click(screen.getByTestId('backtest-run'))
    expect((await screen.findByTestId('backtest-error')).textContent).toContain('to must be after from')
  })
})
