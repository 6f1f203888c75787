import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import { init, use, type ComposeOption, type ECharts } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only what the app's charts use, so the bundle carries no more of ECharts than that.
use([LineChart, BarChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | MarkAreaComponentOption | MarkLineComponentOption | TooltipComponentOption
>

type Props = {
  option: ChartOption
  height?: number
  /** What the chart shows, for screen readers (the figures are in a table beside most charts). */
  label: string
  'data-testid'?: string
}

const withMotion = (option: ChartOption): ChartOption => ({ animation: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches, ...option })

/**
 * One ECharts chart (SVG), as wide as its container and as high as asked. It is built once
 * its container has a width (a chart drawn into a hidden container would keep a width of
 * nothing), given each new option whole, resized with its container and disposed when it
 * leaves the page. A reader who asked for reduced motion gets no animation.
 */
export function EChart({ option, height = 280, label, 'data-testid': testId }: Props) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  const latest = useRef(option)

  useEffect(() => {
    const container = element.current
    if (!container) return
    const canWait = typeof ResizeObserver !== 'undefined'
    const start = () => {
      if (chart.current || (canWait && container.clientWidth === 0)) return
      chart.current = init(container, undefined, { renderer: 'svg' })
      chart.current.setOption(withMotion(latest.current), { notMerge: true })
    }
    const observer = canWait ? new ResizeObserver(() => (chart.current ? chart.current.resize() : start())) : null
    observer?.observe(container)
    start()
    return () => {
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    latest.current = option
    chart.current?.setOption(withMotion(option), { notMerge: true })
  }, [option])

  return <div ref={element} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
}
