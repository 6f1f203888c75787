import type { ScorecardMetrics, ScorecardModel } from '../domain/scoring/scorecard/index.ts'

/** The scorecard as `fengkong model train` prints it: the points table, the feature decisions, validation and calibration. */
export function printScorecard(model: ScorecardModel, print: (line: string) => void): void {
  const { scaling } = model
  print(`Scorecard: ${model.features.length} features; ${scaling.basePoints} points at ${scaling.baseOdds}:1 good:bad odds, ${scaling.pdo} points double the odds`)
  print(`Trained on ${model.data.trainRows} rows, validated on ${model.data.holdoutRows}; score = base points + the points of each feature's bin\n`)
  const rows: string[][] = [['feature', 'bin', 'rows', 'bad rate', 'WOE', 'IV', 'points'], ['(base points)', '', '', '', '', '', model.intercept.points.toFixed(2)]]
  for (const feature of model.features) {
    feature.bins.forEach((bin, b) => {
      rows.push([
        b === 0 ? feature.name : '',
        shorten(bin.label, 48),
        String(bin.goods + bin.bads),
        percent(bin.badRate),
        bin.woe.toFixed(3),
        b === 0 ? feature.iv.toFixed(4) : '',
        bin.points.toFixed(2),
      ])
    })
  }
  table(rows, [false, false, true, true, true, true, true]).forEach(print)

  print('\nFeatures considered (IV of the binned feature)')
  const candidates = [...model.candidates].sort((a, b) => Number(b.selected) - Number(a.selected) || b.iv - a.iv)
  table(
    candidates.map((c) => [c.name, c.type, c.iv.toFixed(4), c.selected ? 'in' : 'out', c.reason]),
    [false, false, true, false, false],
  ).forEach((line) => print(`  ${line}`))

  print('\nValidation')
  const metricRow = (name: string, m: ScorecardMetrics | null): string[] =>
    m ? [name, String(m.rows), String(m.bads), m.auc.toFixed(4), m.gini.toFixed(4), m.ks.toFixed(4), m.psi === null ? '' : m.psi.toFixed(4)] : [name, '', '', '', '', '', '']
  table([['rows', 'count', 'bads', 'AUC', 'Gini', 'KS', 'PSI'], metricRow('train', model.metrics.train), metricRow('holdout', model.metrics.holdout)], [false, true, true, true, true, true, true]).forEach((line) =>
    print(`  ${line}`),
  )
  print('  (PSI: holdout scores against training scores; < 0.1 stable, 0.1–0.25 look closer, > 0.25 a major shift)')
  if (!model.fit.converged) print(`  warning: the regression did not converge in ${model.fit.iterations} iterations`)

  print(`\nCalibration by decile (${model.calibration.rows} rows, riskiest first)`)
  table(
    [
      ['decile', 'rows', 'scores', 'predicted PD', 'observed bad rate'],
      ...model.calibration.groups.map((g) => [String(g.group), String(g.rows), `${g.minScore.toFixed(1)}–${g.maxScore.toFixed(1)}`, percent(g.predictedPd), percent(g.observedBadRate)]),
    ],
    [true, true, true, true, true],
  ).forEach((line) => print(`  ${line}`))
}

function table(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)))
  return rows.map((row) => row.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}
