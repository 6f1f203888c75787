/**
 * A structured diff of two policy documents (or any two JSON values): one entry per leaf that
 * differs, at its path — `masterScale.grades[3].upper`, `actionsPerGrade.BB[1]` — with the
 * value before and after. Objects are compared key by key (keys in sorted order), arrays
 * position by position; a key or element only one side has is `added` or `removed`, and a value
 * whose type changes (an object becoming a number) is one `changed` entry for the whole value.
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json }

export type PolicyChange =
  | { kind: 'changed'; path: string; before: Json; after: Json }
  | { kind: 'added'; path: string; before: null; after: Json }
  | { kind: 'removed'; path: string; before: Json; after: null }

export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const changes: PolicyChange[] = []
  walk(before as Json, after as Json, '', changes)
  return changes
}

function walk(before: Json, after: Json, path: string, changes: PolicyChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length)
    for (let index = 0; index < length; index++) {
      const at = `${path}[${index}]`
      if (index >= after.length) changes.push({ kind: 'removed', path: at, before: before[index] as Json, after: null })
      else if (index >= before.length) changes.push({ kind: 'added', path: at, before: null, after: after[index] as Json })
      else walk(before[index] as Json, after[index] as Json, at, changes)
    }
    return
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    for (const key of keys) {
      const at = path === '' ? key : `${path}.${key}`
      if (!Object.hasOwn(after, key)) changes.push({ kind: 'removed', path: at, before: before[key] as Json, after: null })
      else if (!Object.hasOwn(before, key)) changes.push({ kind: 'added', path: at, before: null, after: after[key] as Json })
      else walk(before[key] as Json, after[key] as Json, at, changes)
    }
    return
  }
  if (before !== after) changes.push({ kind: 'changed', path, before, after })
}

function isObject(value: Json): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
