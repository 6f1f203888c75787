import { mulberry32 } from '../../src/domain/random/index.ts'

/**
 * A seeded synthetic training file whose columns carry customer feature names
 * (docs/scorecards.md#features), so a model trained on it scores stored customers. The
 * outcome follows a known logistic truth: liquidity, the bureau score and the industry push
 * the odds; `employees` is noise; `applicant` is an id to exclude.
 */
export const FEATURE_COLUMNS = ['ratio.currentRatio', 'bureau.score', 'industrySection', 'employees'] as const

export function syntheticTrainingCsv(rows = 1_500, seed = 7): string {
  const next = mulberry32(seed)
  const sections = ['C', 'F', 'G', 'K'] as const
  const sectionPush = { C: 0, F: 0.8, G: 0.3, K: -0.6 }
  const lines = [['applicant', ...FEATURE_COLUMNS, 'default'].join(',')]
  for (let i = 0; i < rows; i += 1) {
    const currentRatio = Number((0.3 + next() * 2.7).toFixed(3))
    // A tenth of the rows have no bureau record: an empty cell.
    const bureauScore = next() < 0.1 ? null : Math.round(300 + next() * 550)
    const section = sections[Math.floor(next() * sections.length)]!
    const employees = Math.round(5 + next() * 5_000)
    const logit = -1.6 - 1.3 * (currentRatio - 1.5) - 0.008 * ((bureauScore ?? 520) - 575) + sectionPush[section]
    const bad = next() < 1 / (1 + Math.exp(-logit))
    lines.push([`A${i + 1}`, currentRatio, bureauScore ?? '', section, employees, bad ? 'yes' : 'no'].join(','))
  }
  return `${lines.join('\n')}\n`
}
