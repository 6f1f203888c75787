import type { Value, VariableType } from './value-type.ts'

/**
 * What an expression may read: a fixed set of named variables, each with a type, whether it
 * can be null, and the function that reads it from a context. Names are looked up once, when an
 * expression is checked; a compiled expression calls the read functions directly. Nothing
 * outside the scope is reachable: there is no property access, so `constructor`, `__proto__`
 * and `tx.constructor` are unknown names like any other.
 */
export type VariableDefinition<Context> = {
  readonly name: string
  readonly type: VariableType
  readonly nullable: boolean
  readonly description: string
  /** Must return a value of the declared type, or null. */
  readonly read: (context: Context) => Value
}

export type Scope<Context> = {
  readonly variables: readonly VariableDefinition<Context>[]
  lookup(name: string): VariableDefinition<Context> | undefined
}

export function createScope<Context>(variables: readonly VariableDefinition<Context>[]): Scope<Context> {
  const byName = new Map<string, VariableDefinition<Context>>()
  for (const definition of variables) {
    if (byName.has(definition.name)) throw new RangeError(`variable ${definition.name} is defined twice`)
    byName.set(definition.name, definition)
  }
  return { variables: Object.freeze([...variables]), lookup: (name) => byName.get(name) }
}

/** The known name closest to `name` when it is close enough to be a likely typo, else null. */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const wanted = name.toLowerCase()
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const tolerance = Math.max(2, Math.floor(name.length / 4))
  return bestDistance <= tolerance ? best : null
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = d
    }
  }
  return rows[a.length]![b.length]!
}
