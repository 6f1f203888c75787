/**
 * Builds the web UI (vite build → web/dist) when web/dist is missing or older than what it
 * is built from, and says which. `npm start` runs it before serving; the end-to-end tests
 * call buildWebIfStale() before starting the browser.
 *
 *   tsx scripts/build-web-if-stale.ts
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** What the build reads: a change to any of these makes web/dist stale. */
const SOURCES = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'package-lock.json']

/** Tests beside the UI's code are not part of the build. */
const IS_TEST = /\.test\.tsx?$|[\\/]testing[\\/]/

export type WebBuildState = { isStale: boolean; reason: string }

export type BuildWebOptions = {
  /** The checkout; defaults to the one this script is in. */
  root?: string
  /** Where to say what happens; defaults to the console. */
  log?: (line: string) => void
  /** Show vite's own output (true), or keep it and show it only when the build fails. */
  showOutput?: boolean
}

export function webBuildState(root = ROOT): WebBuildState {
  const index = join(root, 'web/dist/index.html')
  if (!existsSync(index)) return { isStale: true, reason: 'web/dist is missing' }
  const builtAt = statSync(index).mtimeMs
  const newer = SOURCES.flatMap((source) => filesUnder(join(root, source)))
    .filter((file) => !IS_TEST.test(file))
    .find((file) => statSync(file).mtimeMs > builtAt)
  if (newer) return { isStale: true, reason: `${relative(root, newer)} changed after web/dist was built` }
  return { isStale: false, reason: 'web/dist is up to date' }
}

/** Runs `vite build` when the build is stale; resolves to whether it built. */
export async function buildWebIfStale({ root = ROOT, log = console.log, showOutput = true }: BuildWebOptions = {}): Promise<boolean> {
  const state = webBuildState(root)
  if (!state.isStale) {
    log(`[web] ${state.reason}; not rebuilding`)
    return false
  }
  const vite = viteBin(root)
  if (!vite) {
    log(`[web] ${state.reason}, but vite is not installed (install dev dependencies: npm ci); serving without the web UI`)
    return false
  }
  log(`[web] ${state.reason}; building the web UI (vite build → web/dist)…`)
  const started = Date.now()
  await run(process.execPath, [vite, 'build', '--config', join(root, 'web/vite.config.ts')], root, showOutput)
  log(`[web] built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => filesUnder(join(path, entry.name)))
}

function viteBin(root: string): string | null {
  try {
    return join(dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')), 'bin/vite.js')
  } catch {
    return null
  }
}

function run(command: string, args: string[], cwd: string, showOutput: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: showOutput ? 'inherit' : 'pipe' })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}${output ? `:\n${output}` : ''}`))))
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWebIfStale().catch((error: unknown) => {
    console.error(`[web] ${(error as Error).message}`)
    process.exit(1)
  })
}
