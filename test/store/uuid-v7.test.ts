import { describe, expect, it } from 'vitest'
import { uuidV7 } from '../../src/store/uuid-v7.ts'

describe('time-ordered ids (UUID version 7)', () => {
  it('is a UUID of version 7 and the RFC variant, carrying the millisecond it was made', () => {
    const at = Date.UTC(2026, 10, 29, 12, 0, 0, 123)
    const id = uuidV7(at)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at)
  })

  it('sorts every id after the ones made before it, within one millisecond too', () => {
    const at = Date.UTC(2030, 0, 1)
    const ids = Array.from({ length: 10_000 }, () => uuidV7(at))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps increasing when the clock steps back', () => {
    const first = uuidV7(Date.UTC(2031, 0, 1))
    const second = uuidV7(Date.UTC(2020, 0, 1))
    expect(second > first).toBe(true)
  })

  it('differs in its random part between ids', () => {
    const ids = Array.from({ length: 1000 }, () => uuidV7().slice(19))
    expect(new Set(ids).size).toBe(1000)
  })
})
