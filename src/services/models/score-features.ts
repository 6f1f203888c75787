import { AppError } from '../../app-error.ts'
import { binIndexOf, REASON_CODES, scoreRows, type Column, type Dataset, type ScorecardModel } from '../../domain/scoring/scorecard/index.ts'
import type { ModelDetail, ScoreReason } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { findLatestApprovedModel, findModel } from '../../store/repositories/models.ts'
import type { CustomerFeatures, FeatureValue } from './customer-features.ts'

/**
 * Scores feature records (customer-features.ts) with a registered scorecard, through the
 * domain's scoreRows: the records become one column per feature of the model, read the way the
 * model bins it. A value the model cannot read — absent, or text where it wants a number — is
 * missing and falls in the feature's missing bin; each record lists its missing features.
 */
export type ScoredFeatures = { score: number; pd: number; reasons: ScoreReason[]; missing: string[] }

export type PointsLine = { feature: string; value: FeatureValue | null; bin: string; points: number }

export function scoreFeatureRecords(model: ScorecardModel, records: readonly CustomerFeatures[]): ScoredFeatures[] {
  const { dataset, missing } = datasetOf(model, records)
  const scored = scoreRows(model, dataset)
  return records.map((_, i) => {
    const reasons: ScoreReason[] = []
    for (let k = 0; k < REASON_CODES; k += 1) {
      const f = scored.reasons[i * REASON_CODES + k]!
      if (f >= 0) reasons.push({ feature: model.features[f]!.name, pointsLost: round2(scored.pointsLost[i * REASON_CODES + k]!) })
    }
    return { score: scored.score[i]!, pd: scored.pd[i]!, reasons, missing: missing[i]! }
  })
}

/** Each feature of the model with the record's value, the bin it fell in and that bin's points. */
export function pointsOf(model: ScorecardModel, record: CustomerFeatures): PointsLine[] {
  const { dataset } = datasetOf(model, [record])
  return model.features.map((feature, f) => {
    const bin = feature.bins[binIndexOf(feature, dataset.columns[f]!)[0]!]!
    return { feature: feature.name, value: record[feature.name] ?? null, bin: bin.label, points: bin.points }
  })
}

/** The records as the model's columns, and per record the features it was missing. */
export function datasetOf(model: ScorecardModel, records: readonly CustomerFeatures[]): { dataset: Dataset; missing: string[][] } {
  const missing = records.map((): string[] => [])
  const columns: Column[] = model.features.map((feature) => {
    if (feature.type === 'numeric') {
      const values = Float64Array.from(records, (record, i) => {
        const value = numberOf(record[feature.name])
        if (value === null) missing[i]!.push(feature.name)
        return value ?? NaN
      })
      return { kind: 'numeric', name: feature.name, values }
    }
    const levels: string[] = []
    const codeOf = new Map<string, number>()
    const codes = Int32Array.from(records, (record, i) => {
      const value = record[feature.name]
      const text = value === undefined ? '' : String(value).trim()
      if (text === '') {
        missing[i]!.push(feature.name)
        return -1
      }
      let code = codeOf.get(text)
      if (code === undefined) {
        code = levels.push(text) - 1
        codeOf.set(text, code)
      }
      return code
    })
    return { kind: 'categorical', name: feature.name, codes, levels }
  })
  return { dataset: { rows: records.length, columns }, missing }
}

/** The model a scoring uses: the one named, or else the approved model approved last (409 when there is none). */
export async function scoringModel(store: Store, modelId?: string | null): Promise<ModelDetail> {
  if (modelId) {
    const model = await findModel(store.db, modelId)
    if (!model) throw new AppError('not_found', `no model ${modelId}`)
    return model
  }
  const approved = await findLatestApprovedModel(store.db)
  if (!approved) throw new AppError('conflict', 'no scorecard is approved yet: approve a model (POST /api/v1/models/:id/approve) or name one with modelId')
  return approved
}

function numberOf(value: FeatureValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || value.trim() === '') return null
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
