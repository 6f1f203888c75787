// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { HandbookPage } from './handbook-page.tsx'
import { isoWeekOf, recentFullWeeks } from './iso-weeks.ts'

afterEach(cleanup)

// Wednesday 11 March 2026: the last full week is 2026-W10 (2 – 8 March).
const NOW = Date.parse('2026-03-11T09:00:00Z')

describe('ISO weeks offered for the digest', () => {
  it('names weeks by the year of their Thursday and lists the ended ones, the latest first', () => {
    expect(isoWeekOf(Date.parse('2026-03-08T23:59:59Z'))).toEqual({ week: '2026-W10', monday: '2026-03-02', sunday: '2026-03-08' })
    expect(isoWeekOf(Date.parse('2027-01-01T12:00:00Z')).week).toBe('2026-W53')
    expect(isoWeekOf(Date.parse('2025-12-31T12:00:00Z')).week).toBe('2026-W01')
    expect(recentFullWeeks(NOW, 3).map((w) => w.week)).toEqual(['2026-W10', '2026-W09', '2026-W08'])
  })
})

describe('HandbookPage', () => {
  it('shows the handbook in the interface language and links the last full week’s digest as HTML and PDF', () => {
    renderWithApp(<HandbookPage now={NOW} />, { language: 'en' })
    expect(screen.getByTestId('handbook-frame').getAttribute('src')).toBe('/api/v1/handbook?lang=en&format=html')
    expect(screen.getByTestId('handbook-pdf').getAttribute('href')).toBe('/api/v1/handbook?lang=en&format=pdf')
    expect(screen.getByTestId('digest-html').getAttribute('href')).toBe('/api/v1/digest/weekly?week=2026-W10&lang=en&format=html')
    expect(screen.getByTestId('digest-pdf').getAttribute('href')).toBe('/api/v1/digest/weekly?week=2026-W10&lang=en&format=pdf')
    expect(screen.getByText('Weekly risk digest')).toBeTruthy()
  })

  it('asks for the Chinese pages when the interface is in Chinese', () => {
    renderWithApp(<HandbookPage now={NOW} />, { language: 'zh-CN' })
    expect(screen.getByTestId('handbook-frame').getAttribute('src')).toBe('/api/v1/handbook?lang=zh-CN&format=html')
    expect(screen.getByTestId('digest-pdf').getAttribute('href')).toContain('lang=zh-CN')
    expect(screen.getByText('每周风险简报')).toBeTruthy()
  })
})
