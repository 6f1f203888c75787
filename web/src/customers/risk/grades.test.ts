import { describe, expect, it } from 'vitest'
import { GRADES, gradeColour } from './grades.ts'

describe('grades', () => {
  it('are the master scale of the server, best first', () => {
    expect(GRADES).toEqual(['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'D'])
  })

  it('are coloured from green at the top to red, default in magenta', () => {
    expect(GRADES.map((grade) => gradeColour(grade))).toEqual(['green', 'green', 'green', 'blue', 'gold', 'orange', 'red', 'magenta'])
  })

  it('leave a grade the scale does not know, or none, plain', () => {
    expect(gradeColour('CC')).toBe('default')
    expect(gradeColour(null)).toBe('default')
  })
})
