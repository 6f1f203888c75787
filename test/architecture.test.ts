import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layering rules of docs/architecture.md, checked on every run: the domain is pure
 * and depends on nothing outside itself; lower layers never reach up.
 */
const SRC = resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0]!
}

const files = sourceFiles(SRC)

describe('architecture', () => {
  it('keeps the domain pure: it imports only other domain modules and node:crypto', () => {
    const offences = files
      .filter((file) => layerOf(file) === 'domain')
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => (spec.startsWith('.') ? layerOf(resolve(file, '..', spec)) !== 'domain' : spec !== 'node:crypto'))
          .map((spec) => `${relative(SRC, file)} imports ${spec}`),
      )
    expect(offences).toEqual([])
  })

  it('never lets a lower layer import a higher one', () => {
    const allowed: Record<string, string[]> = {
      schemas: ['domain', 'schemas'],
      demo: ['domain', 'schemas', 'demo'],
      store: ['domain', 'schemas', 'store', 'app-error.ts'],
      engine: ['domain', 'schemas', 'store', 'engine', 'app-error.ts'],
      services: ['domain', 'schemas', 'demo', 'store', 'engine', 'services', 'app-error.ts'],
      api: ['domain', 'schemas', 'store', 'engine', 'services', 'api', 'app-error.ts', 'config.ts'],
    }
    const offences = files.flatMap((file) => {
      const layer = layerOf(file)
      const permitted = allowed[layer]
      if (!permitted) return []
      return importsOf(file)
        .filter((spec) => spec.startsWith('.') && !permitted.includes(layerOf(resolve(file, '..', spec))))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`)
    })
    expect(offences).toEqual([])
  })

  it('finds the source files it checks', () => {
    expect(files.filter((file) => layerOf(file) === 'domain').length).toBeGreaterThan(5)
  })
})
