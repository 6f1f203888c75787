import { describe, expect, it } from 'vitest'
import { trainingPercent } from './training-progress.ts'

describe('trainingPercent', () => {
  it('is the share done, held below 100 until the job succeeded', () => {
    expect(trainingPercent({ status: 'running', done: 3, total: 8 })).toBe(37)
    expect(trainingPercent({ status: 'running', done: 8, total: 8 })).toBe(99)
    expect(trainingPercent({ status: 'succeeded', done: 8, total: 8 })).toBe(100)
  })

  it('is 0 before the job knows how much there is to do', () => {
    expect(trainingPercent({ status: 'queued', done: 0, total: 0 })).toBe(0)
    expect(trainingPercent(undefined)).toBe(0)
  })
})
