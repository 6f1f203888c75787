import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parseScorecardModel, pdOfScore } from '../../../src/domain/scoring/scorecard/index.ts'

/**
 * `fengkong model train`, then `model evaluate --json`, then `model score`, as an analyst runs
 * them: real processes from bin/fengkong.js on the German credit data, with an applicant id
 * column (not a feature) and a split column (70% train, 30% test).
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'fengkong.js')
const dir = mkdtempSync(join(tmpdir(), 'fengkong-model-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const lines = readFileSync(join(ROOT, 'test/fixtures/german_credit.csv'), 'utf8').trim().split(/\r?\n/)
const withSplit = [`applicant,${lines[0]},split`, ...lines.slice(1).map((line, i) => `A${String(i + 1).padStart(4, '0')},${line},${i % 10 < 7 ? 'train' : 'test'}`)]
const trainFile = join(dir, 'applicants.csv')
writeFileSync(trainFile, `${withSplit.join('\n')}\n`)
const testFile = join(dir, 'test-rows.csv')
writeFileSync(testFile, `${[withSplit[0], ...withSplit.slice(1).filter((line) => line.endsWith(',test'))].join('\n')}\n`)
const modelFile = join(dir, 'model.json')

function fengkong(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error)
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr })
    })
  })
}

describe('fengkong model', () => {
  it('trains, evaluates and scores from CSV files', { timeout: 120_000 }, async () => {
    const trained = await fengkong('model', 'train', '--data', trainFile, '--target', 'class', '--bad', 'bad', '--split-column', 'split', '--exclude', 'applicant', '--out', modelFile)
    expect(trained.code, trained.stderr).toBe(0)
    expect(trained.stdout).toMatch(/feature\s+bin\s+rows\s+bad rate\s+WOE\s+IV\s+points/)
    expect(trained.stdout).toMatch(/\(base points\)\s+\d+\.\d\d/)
    expect(trained.stdout).toMatch(/checking_status\s+no checking/)
    expect(trained.stdout).toMatch(/holdout\s+300\s+91\s+0\.\d{4}/)
    expect(trained.stdout).toContain('Calibration by decile (holdout rows, riskiest first)')

    const model = parseScorecardModel(JSON.parse(readFileSync(modelFile, 'utf8')))
    expect(model.format).toBe('fengkong-scorecard/1')
    expect(model.data.sha256).toBe(createHash('sha256').update(readFileSync(trainFile)).digest('hex'))
    expect(model.data).toMatchObject({ rows: 1000, trainRows: 700, holdoutRows: 300, holdout: { kind: 'column', column: 'split' } })
    expect(model.candidates.map((c) => c.name)).not.toContain('applicant')
    expect(model.candidates.map((c) => c.name)).not.toContain('split')
    expect(model.metrics.holdout!.auc).toBeGreaterThan(0.75)

    const evaluated = await fengkong('model', 'evaluate', '--model', modelFile, '--data', testFile, '--target', 'class', '--bad', 'bad', '--json')
    expect(evaluated.code, evaluated.stderr).toBe(0)
    expect(evaluated.stdout.trim().split('\n')).toHaveLength(1)
    const metrics = JSON.parse(evaluated.stdout) as Record<string, number>
    expect(Object.keys(metrics)).toEqual(['auc', 'gini', 'ks', 'psi', 'rows'])
    expect(metrics.rows).toBe(300)
    // The same rows the model validated on give the same numbers.
    expect(metrics.auc).toBe(model.metrics.holdout!.auc)
    expect(metrics.ks).toBe(model.metrics.holdout!.ks)
    expect(metrics.gini).toBeCloseTo(2 * metrics.auc! - 1, 12)
    expect(metrics.psi).toBeCloseTo(model.metrics.holdout!.psi!, 5)

    const scoresFile = join(dir, 'scores.csv')
    const scored = await fengkong('model', 'score', '--model', modelFile, '--data', testFile, '--out', scoresFile, '--id', 'applicant')
    expect(scored.code, scored.stderr).toBe(0)
    const output = readFileSync(scoresFile, 'utf8').trim().split('\n')
    expect(output[0]).toBe('applicant,score,pd,reason_1,reason_1_points_lost,reason_2,reason_2_points_lost,reason_3,reason_3_points_lost')
    expect(output).toHaveLength(301)
    const names = new Set(model.features.map((f) => f.name))
    for (const line of output.slice(1)) {
      const [id, score, pd, ...reasons] = line.split(',')
      expect(id).toMatch(/^A\d{4}$/)
      expect(Number(pd)).toBeCloseTo(pdOfScore(Number(score), model.scaling), 5)
      for (let k = 0; k < 6; k += 2) {
        if (reasons[k] === '') continue
        expect(names.has(reasons[k]!)).toBe(true)
        expect(Number(reasons[k + 1])).toBeGreaterThan(0)
      }
      if (reasons[2] !== '') expect(Number(reasons[1])).toBeGreaterThanOrEqual(Number(reasons[3]))
    }
    expect(output[1]!.startsWith('A0008,')).toBe(true)
  })

  it('exits 2 with a clear message on bad input', async () => {
    const result = await fengkong('model', 'train', '--data', join(ROOT, 'test/fixtures/german_credit.csv'), '--target', 'class', '--bad', 'Bad', '--out', join(dir, 'never.json'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no row of class is "Bad" (its values: good, bad)')
    const missing = await fengkong('model', 'score', '--model', join(dir, 'nothing.json'), '--data', join(ROOT, 'test/fixtures/german_credit.csv'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no model file')
  })
})
