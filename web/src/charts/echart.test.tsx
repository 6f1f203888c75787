// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EChart, type ChartOption } from './echart.tsx'

const OPTION: ChartOption = {
  xAxis: { type: 'category', data: ['2022', '2023', '2024'] },
  yAxis: { type: 'value' },
  series: [{ type: 'line', data: [1.8, null, 3.1], markArea: { data: [[{ yAxis: 0 }, { yAxis: 1.1 }]] } }],
}

describe('EChart', () => {
  beforeEach(() => {
    // happy-dom lays nothing out: give every element the size a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(280)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('draws the option as SVG, labelled for screen readers', () => {
    const { getByRole } = render(<EChart option={OPTION} label="Z-score by period" />)
    const chart = getByRole('img', { name: 'Z-score by period' })
    expect(chart.querySelector('svg')).not.toBeNull()
    expect(chart.querySelectorAll('path').length).toBeGreaterThan(0)
  })

  it('waits for a container with a width before drawing', () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(0)
    const { getByRole } = render(<EChart option={OPTION} label="hidden" />)
    expect(getByRole('img', { name: 'hidden' }).querySelector('svg')).toBeNull()
  })

  it('lets go of the chart when it leaves the page', () => {
    const { getByRole, unmount } = render(<EChart option={OPTION} label="chart" />)
    const container = getByRole('img', { name: 'chart' })
    unmount()
    expect(container.querySelector('svg')).toBeNull()
  })
})
