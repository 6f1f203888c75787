// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CustomFieldDefinition, TimelineItem } from '../../api/types.ts'
import { renderWithApp } from '../../testing/render-with-app.tsx'
import { TimelineEntry } from './timeline-entry.tsx'

const RISK_REGION: CustomFieldDefinition = { key: 'riskRegion', label: '风险区域', type: 'select', options: ['华南', '华东'], required: false }

const update: TimelineItem = {
  seq: 12,
  at: '2025-03-01T06:05:00.000Z',
  actor: 'user:u1',
  actorName: '王芳',
  action: 'customer.updated',
  entity: 'customer',
  entityId: 'c1',
  before: { name: '华为技术有限公司', region: '广东省深圳市', customFields: { riskRegion: '华南' }, version: 1 },
  after: { name: '华为技术有限公司', region: '广东省东莞市', customFields: { riskRegion: '华东' }, version: 2 },
}

describe('TimelineEntry', () => {
  afterEach(cleanup)

  it('says who changed what, and each changed field as before → after under its label', () => {
    renderWithApp(<TimelineEntry item={update} />, { cached: [[['custom-fields'], [RISK_REGION]]] })
    expect(screen.getByText('王芳')).toBeTruthy()
    expect(screen.getByText('修改了客户资料')).toBeTruthy()
    const changes = screen.getAllByTestId('timeline-change').map((li) => li.textContent)
    expect(changes).toEqual(['地区广东省深圳市广东省东莞市', '风险区域华南华东'])
  })

  it('names the record a change touched, in English too', () => {
    const upload: TimelineItem = { ...update, action: 'document.uploaded', entity: 'document', before: null, after: { filename: '2024年度审计报告.pdf' } }
    renderWithApp(<TimelineEntry item={upload} />, { language: 'en', cached: [[['custom-fields'], []]] })
    expect(screen.getByText('uploaded a document')).toBeTruthy()
    expect(screen.getByText('2024年度审计报告.pdf')).toBeTruthy()
    expect(screen.queryAllByTestId('timeline-change')).toEqual([])
  })
})
