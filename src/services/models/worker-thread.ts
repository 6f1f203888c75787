import { Worker } from 'node:worker_threads'

/**
 * Starts a worker thread on a module of Fengkong's own. From the build that is the module's
 * .js file; from source (a checkout run through tsx, or the tests) the thread first registers
 * tsx, as bin/fengkong.js does for the main thread, then imports the .ts module. The module
 * reads what it was given as `workerData.data`.
 */
export function startWorker(module: URL, data: unknown): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData: { data } })
  const tsx = import.meta.resolve('tsx/esm/api')
  return new Worker(FROM_SOURCE, { eval: true, workerData: { data, tsx, module: module.href } })
}

/** The module beside `base` named `name`, with the extension `base` has (.ts from source, .js built). */
export function siblingModule(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base)
}

// Evaluated as a CommonJS script; a failed import surfaces as the worker's 'error' event.
const FROM_SOURCE = `
const { workerData } = require('node:worker_threads')
import(workerData.tsx).then((api) => {
  api.register()
  return import(workerData.module)
}).catch((error) => { setImmediate(() => { throw error }) })
`
