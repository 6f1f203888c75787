import { DAY_MS, HOUR_MS } from '../monitoring/activity.ts'
import { describeType, scalar, type ValueType, type Value } from './value-type.ts'

/**
 * The functions of the rule language: pure, of numbers and texts. A number function of a null
 * argument gives null; `starts_with` of a null is false, like a comparison; `coalesce` gives its
 * first argument that is not null, evaluating no further.
 */
export type Evaluator<Context> = (context: Context) => Value

export type FunctionDefinition = {
  readonly name: string
  readonly signature: string
  readonly description: string
  readonly minArgs: number
  readonly maxArgs: number
  /** The result type for these argument types, or why they do not fit. */
  resultType(args: readonly ValueType[]): ValueType | { problem: string }
  compile<Context>(args: readonly Evaluator<Context>[]): Evaluator<Context>
}

const isNumber = (type: ValueType) => type.kind === 'number' || type.kind === 'null'

function numbers(name: string, args: readonly ValueType[], nullable = false): ValueType | { problem: string } {
  const index = args.findIndex((type) => !isNumber(type))
  if (index >= 0) return { problem: `${name} needs numbers, but argument ${index + 1} is ${describeType(args[index]!)}` }
  return scalar('number', nullable || args.some((type) => type.nullable))
}

/** Half away from zero: round(2.5) is 3, round(-2.5) is −3. */
export function roundHalfAway(value: number, digits: number): number | null {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) return null
  const scale = 10 ** digits
  const scaled = Math.abs(value) * scale
  const result = (Math.sign(value) * Math.round(Number(scaled.toPrecision(15)))) / scale + 0
  return Number.isFinite(result) ? result : null
}

const scaled = (factor: number) => <Context>([n]: readonly Evaluator<Context>[]): Evaluator<Context> => {
  return (context) => {
    const value = n!(context) as number | null
    if (value === null) return null
    const result = value * factor
    return result - result === 0 ? result : null
  }
}

const extreme = (pick: (a: number, b: number) => number) => <Context>(args: readonly Evaluator<Context>[]): Evaluator<Context> => {
  return (context) => {
    let best = args[0]!(context) as number | null
    if (best === null) return null
    for (let i = 1; i < args.length; i += 1) {
      const value = args[i]!(context) as number | null
      if (value === null) return null
      best = pick(best, value)
    }
    return best
  }
}

export const FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'abs',
    signature: 'abs(number) → number',
    description: 'the absolute value',
    minArgs: 1,
    maxArgs: 1,
    resultType: (args) => numbers('abs', args),
    compile: ([n]) => (context) => {
      const value = n!(context) as number | null
      return value === null ? null : Math.abs(value)
    },
  },
  {
    name: 'min',
    signature: 'min(number, number, …) → number',
    description: 'the smallest of two or more numbers; null if any is null',
    minArgs: 2,
    maxArgs: 16,
    resultType: (args) => numbers('min', args),
    compile: extreme((a, b) => (b < a ? b : a)),
  },
  {
    name: 'max',
    signature: 'max(number, number, …) → number',
    description: 'the largest of two or more numbers; null if any is null',
    minArgs: 2,
    maxArgs: 16,
    resultType: (args) => numbers('max', args),
    compile: extreme((a, b) => (b > a ? b : a)),
  },
  {
    name: 'round',
    signature: 'round(number[, digits]) → number',
    description: 'rounded half away from zero to a whole number, or to 0–10 decimal digits; null for other digits',
    minArgs: 1,
    maxArgs: 2,
    resultType: (args) => numbers('round', args, args.length > 1),
    compile: ([n, d]) => (context) => {
      const value = n!(context) as number | null
      if (value === null) return null
      const digits = d === undefined ? 0 : (d(context) as number | null)
      return digits === null ? null : roundHalfAway(value, digits)
    },
  },
  {
    name: 'coalesce',
    signature: 'coalesce(a, b, …) → the type of a',
    description: 'the first argument that is not null (the rest are not evaluated); null when all are. The arguments share one type',
    minArgs: 2,
    maxArgs: 16,
    resultType: (args) => {
      const kinds = new Set(args.filter((type) => type.kind !== 'null').map((type) => type.kind))
      if (kinds.has('list')) return { problem: 'coalesce cannot take a list' }
      if (kinds.size > 1) return { problem: `coalesce needs arguments of one type, got ${args.map(describeType).join(', ')}` }
      const [kind] = kinds
      if (kind === undefined) return { problem: 'coalesce needs at least one argument that is not the literal null' }
      return scalar(kind as 'number' | 'text' | 'boolean', args.every((type) => type.nullable))
    },
    compile: (args) => (context) => {
      for (let i = 0; i < args.length; i += 1) {
        const value = args[i]!(context)
        if (value !== null) return value
      }
      return null
    },
  },
  {
    name: 'days',
    signature: 'days(number) → number',
    description: 'that many days in milliseconds (days(1) is 86,400,000)',
    minArgs: 1,
    maxArgs: 1,
    resultType: (args) => numbers('days', args),
    compile: scaled(DAY_MS),
  },
  {
    name: 'hours',
    signature: 'hours(number) → number',
    description: 'that many hours in milliseconds (hours(1) is 3,600,000)',
    minArgs: 1,
    maxArgs: 1,
    resultType: (args) => numbers('hours', args),
    compile: scaled(HOUR_MS),
  },
  {
    name: 'starts_with',
    signature: 'starts_with(text, prefix) → boolean',
    description: 'whether the text begins with the prefix (case matters); false when either is null',
    minArgs: 2,
    maxArgs: 2,
    resultType: (args) => {
      const index = args.findIndex((type) => type.kind !== 'text' && type.kind !== 'null')
      if (index >= 0) return { problem: `starts_with needs texts, but argument ${index + 1} is ${describeType(args[index]!)}` }
      return scalar('boolean', false)
    },
    compile: ([s, p]) => (context) => {
      const text = s!(context) as string | null
      if (text === null) return false
      const prefix = p!(context) as string | null
      return prefix !== null && text.startsWith(prefix)
    },
  },
]

const BY_NAME = new Map(FUNCTIONS.map((definition) => [definition.name, definition]))

export function lookupFunction(name: string): FunctionDefinition | undefined {
  return BY_NAME.get(name)
}
