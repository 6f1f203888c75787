import { parentPort, workerData } from 'node:worker_threads'
import { trainFromCsv, type TrainFromCsvInput } from './train-from-csv.ts'

/**
 * The worker thread that trains a model (started by train-model.ts through worker-thread.ts):
 * it posts {kind: 'progress', …} as it goes and ends with {kind: 'done', result} or
 * {kind: 'failed', message}.
 */
const port = parentPort
if (!port) throw new Error('train-model-worker.ts runs as a worker thread')
const input = (workerData as { data: TrainFromCsvInput }).data
try {
  const result = trainFromCsv(input, (progress) => port.postMessage({ kind: 'progress', progress }))
  port.postMessage({ kind: 'done', result })
} catch (error) {
  port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
}
