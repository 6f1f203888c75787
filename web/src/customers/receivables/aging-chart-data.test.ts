import { describe, expect, it } from 'vitest'
import { aging, receivablesLedger } from '../../../../src/domain/monitoring/receivables/index.ts'
import { AS_OF, INVOICES, PAYMENTS, receivables } from '../../testing/activity-fixtures.ts'
import { agingChartData, agingColour } from './aging-chart-data.ts'

describe('agingChartData', () => {
  it('has a bar per bucket the server sent, with its label, open amount and invoice count', () => {
    expect(agingChartData(receivables().currencies[0]!.aging)).toMatchObject({
      currency: 'CNY',
      labels: ['current', '1-30', '31-60', '61-90', '91-120', '120+'],
      amounts: [50_000_00, 40_000_00, 80_000_00, 0, 0, 30_000_00],
      counts: [1, 1, 1, 0, 0, 1],
      isEmpty: false,
    })
  })

  it('follows other bucket edges, colouring current green and the oldest dark red', () => {
    const ledger = receivablesLedger({ invoices: INVOICES, payments: PAYMENTS, asOf: AS_OF })
    const data = agingChartData(aging({ ledger, currency: 'CNY', edges: [60] }))
    expect(data.labels).toEqual(['current', '1-60', '60+'])
    expect(data.counts).toEqual([1, 2, 1])
    expect(data.colours).toEqual([agingColour(0, 3), agingColour(1, 3), agingColour(2, 3)])
    expect(data.colours[0]).toBe('#16a34a')
    expect(data.colours[2]).toBe('#b91c1c')
  })

  it('is empty when nothing is open', () => {
    const ledger = receivablesLedger({ invoices: [], payments: [], asOf: AS_OF })
    expect(agingChartData(aging({ ledger, currency: 'CNY' })).isEmpty).toBe(true)
  })
})
