import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { auc, createColumnBuilder, denseDesign, fitLogisticRegression, trainScorecard, type Column } from '../../../src/domain/scoring/scorecard/index.ts'

/**
 * The acceptance test on real data: the UCI Statlog German credit data (test/fixtures/README.md),
 * rows with index % 10 < 7 training and the rest testing. The scorecard, trained with its default
 * options, must reach a test AUC of at least 0.78 and at least that of a plain baseline: the
 * logistic regression scikit-learn fits by default (L2, C = 1, i.e. ½‖w‖² added to the loss
 * summed over rows, intercept unpenalised; lbfgs), on standardised numeric columns and one-hot
 * categoricals with all levels. scikit-learn is not available here, so the baseline is fitted
 * with the same IRLS: it is the same convex problem, with one optimum.
 */
const records: string[][] = parse(readFileSync(join(import.meta.dirname, '../../fixtures/german_credit.csv')), { bom: true })
const header = records[0]!
const rows = records.slice(1)
const builders = header.map((name) => createColumnBuilder(name))
for (const record of rows) record.forEach((cell, j) => builders[j]!.push(cell))
const columns = builders.map((builder) => builder.build()).filter((column): column is Column => column.kind !== 'skipped')
const features = columns.filter((column) => column.name !== 'class')
const targetIndex = header.indexOf('class')
const bad = Uint8Array.from(rows, (record) => (record[targetIndex]!.trim() === 'bad' ? 1 : 0))
const isTest = Uint8Array.from(rows, (_, i) => (i % 10 < 7 ? 0 : 1))
const trainRows = rows.map((_, i) => i).filter((i) => isTest[i] === 0)
const testRows = rows.map((_, i) => i).filter((i) => isTest[i] === 1)

/** Standardised numerics (training mean and population sd, as StandardScaler) and one-hot categoricals (all levels). */
function baselineEncoding(): { width: number; encode: (row: number, out: Float64Array) => void } {
  const encoders: { width: number; write: (row: number, out: Float64Array, at: number) => void }[] = features.map((column) => {
    if (column.kind === 'numeric') {
      const xs = trainRows.map((i) => column.values[i]!)
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length)
      return { width: 1, write: (row, out, at) => void (out[at] = (column.values[row]! - mean) / sd) }
    }
    return { width: column.levels.length, write: (row, out, at) => column.levels.forEach((_, level) => (out[at + level] = column.codes[row] === level ? 1 : 0)) }
  })
  const width = encoders.reduce((s, e) => s + e.width, 0)
  return {
    width,
    encode(row, out) {
      let at = 0
      for (const encoder of encoders) {
        encoder.write(row, out, at)
        at += encoder.width
      }
    },
  }
}

describe('German credit (UCI Statlog, Hofmann 1994)', () => {
  it('reads 1,000 applicants, 300 of them bad, 20 candidate features', () => {
    expect(rows).toHaveLength(1000)
    expect(bad.reduce((s, v) => s + v, 0)).toBe(300)
    expect(features).toHaveLength(20)
    expect(features.filter((c) => c.kind === 'numeric').map((c) => c.name)).toEqual(['duration', 'credit_amount', 'installment_commitment', 'residence_since', 'age', 'existing_credits', 'num_dependents'])
    expect(trainRows).toHaveLength(700)
  })

  it('trains a scorecard whose test AUC is at least 0.78 and at least that of the one-hot logistic regression', () => {
    const model = trainScorecard({ dataset: { rows: rows.length, columns: features }, bad, target: { column: 'class', bad: 'bad' }, holdout: { kind: 'rows', isHoldout: isTest } })
    const scorecardAuc = model.metrics.holdout!.auc

    const { width, encode } = baselineEncoding()
    const x = new Float64Array(trainRows.length * width)
    const row = new Float64Array(width)
    trainRows.forEach((i, k) => {
      encode(i, row)
      x.set(row, k * width)
    })
    const y = Uint8Array.from(trainRows, (i) => bad[i]!)
    const fit = fitLogisticRegression({ design: denseDesign(x, trainRows.length, width), y, l2: 1 })
    expect(fit.converged).toBe(true)
    // It is scikit-learn's optimum: the score equations Σ(y − μ) = 0 and Xᵀ(y − μ) − w = 0 hold.
    const gradient = new Float64Array(width + 1)
    for (let k = 0; k < trainRows.length; k += 1) {
      let eta = fit.intercept
      for (let j = 0; j < width; j += 1) eta += fit.coefficients[j]! * x[k * width + j]!
      const residual = y[k]! - 1 / (1 + Math.exp(-eta))
      gradient[0] = gradient[0]! + residual
      for (let j = 0; j < width; j += 1) gradient[j + 1] = gradient[j + 1]! + residual * x[k * width + j]!
    }
    for (let j = 0; j < width; j += 1) expect(Math.abs(gradient[j + 1]! - fit.coefficients[j]!)).toBeLessThan(1e-8)
    expect(Math.abs(gradient[0]!)).toBeLessThan(1e-8)
    const baselineAuc = auc(
      testRows.map((i) => {
        encode(i, row)
        return row.reduce((eta, value, j) => eta + value * fit.coefficients[j]!, fit.intercept)
      }),
      testRows.map((i) => bad[i]!),
    )

    console.log(
      `German credit test AUC: scorecard ${scorecardAuc.toFixed(4)} (${model.features.length} features, Gini ${model.metrics.holdout!.gini.toFixed(4)}, ` +
        `KS ${model.metrics.holdout!.ks.toFixed(4)}, PSI ${model.metrics.holdout!.psi}); one-hot logistic regression baseline ${baselineAuc.toFixed(4)} (${width} columns)`,
    )
    expect(scorecardAuc).toBeGreaterThanOrEqual(0.78)
    expect(scorecardAuc).toBeGreaterThanOrEqual(baselineAuc)
  })
})
