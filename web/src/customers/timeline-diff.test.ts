import { describe, expect, it } from 'vitest'
import { changeValueText, fieldChanges, recordSummary } from './timeline-diff.ts'

describe('timeline diff', () => {
  it('lists the fields an update changed, leaving out the version and timestamps', () => {
    const before = { id: 'c1', name: '华为技术有限公司', region: '广东省深圳市', tags: ['a'], version: 1, updatedAt: '2025-01-01' }
    const after = { id: 'c1', name: '华为技术有限公司', region: '广东省东莞市', tags: ['a', 'b'], version: 2, updatedAt: '2025-01-02' }
    expect(fieldChanges(before, after)).toEqual([
      { field: 'region', before: '广东省深圳市', after: '广东省东莞市' },
      { field: 'tags', before: ['a'], after: ['a', 'b'] },
    ])
  })

  it('compares nested objects field by field and treats a missing field as empty', () => {
    const before = { industry: { code: 'C39', name: null }, customFields: {} }
    const after = { industry: { code: 'C39', name: '电子设备' }, customFields: { riskRegion: '华南' } }
    expect(fieldChanges(before, after)).toEqual([
      { field: 'industry.name', before: null, after: '电子设备' },
      { field: 'customFields.riskRegion', before: null, after: '华南' },
    ])
  })

  it('gives no changes for a creation or a deletion', () => {
    expect(fieldChanges(null, { name: 'x' })).toEqual([])
    expect(fieldChanges({ name: 'x' }, null)).toEqual([])
  })

  it('writes values as short text', () => {
    expect(changeValueText(null)).toBe('—')
    expect(changeValueText(['strategic', 'telecom'])).toBe('strategic, telecom')
    expect(changeValueText({ code: 'C39', name: null })).toBe('code: C39')
    expect(changeValueText(207000)).toBe('207000')
  })

  it('names a record by its most telling field', () => {
    expect(recordSummary({ id: '1', name: '张伟' })).toBe('张伟')
    expect(recordSummary({ filename: '2024年审计报告.pdf', size: 1 })).toBe('2024年审计报告.pdf')
    expect(recordSummary(null)).toBeNull()
  })
})
