import { compileExpression } from './compile.ts'
import { ExpressionError } from './expression-error.ts'
import type { Evaluator } from './functions.ts'
import type { Scope } from './scope.ts'

/**
 * A dedupe key template: text with expressions in braces, `{customer.id}:{rule.key}`. Each
 * `{…}` is an expression of the rule language over the rule's scope (plus `rule.id`,
 * `rule.key` and `rule.version`); its value is written as text, null as nothing. `{{` and `}}`
 * stand for a brace. Alerts with the same key within the suppression window are one alert.
 */
export type DedupeKeyTemplate<Context> = {
  readonly template: string
  /** The variables the placeholders read, by name, each once. */
  readonly variables: readonly string[]
  render(context: Context): string
}

export const DEFAULT_DEDUPE_KEY = '{customer.id}:{rule.key}'

type Part<Context> = string | Evaluator<Context>

/** Compiles a template; throws an ExpressionError positioned in the template. */
export function compileDedupeKey<Context>(template: string, scope: Scope<Context>): DedupeKeyTemplate<Context> {
  const parts: Part<Context>[] = []
  const variables = new Set<string>()
  let text = ''
  let i = 0
  while (i < template.length) {
    const c = template[i]!
    if (c === '{' && template[i + 1] === '{') {
      text += '{'
      i += 2
    } else if (c === '}' && template[i + 1] === '}') {
      text += '}'
      i += 2
    } else if (c === '}') {
      throw new ExpressionError('unexpected } (write }} for a brace)', template, i)
    } else if (c === '{') {
      const close = closingBrace(template, i + 1)
      const source = template.slice(i + 1, close)
      if (source.trim() === '') throw new ExpressionError('an empty {} in the template', template, i)
      let compiled
      try {
        compiled = compileExpression(source, scope)
      } catch (error) {
        if (error instanceof ExpressionError) throw new ExpressionError(error.reason, template, i + 1 + error.offset, error.hint)
        throw error
      }
      if (compiled.type.kind === 'list') throw new ExpressionError('a dedupe key part cannot be a list', template, i + 1)
      if (text !== '') parts.push(text)
      text = ''
      parts.push(compiled.evaluate)
      for (const variable of compiled.variables) variables.add(variable.name)
      i = close + 1
    } else {
      text += c
      i += 1
    }
  }
  if (text !== '') parts.push(text)
  return Object.freeze({
    template,
    variables: [...variables],
    render(context: Context): string {
      let key = ''
      for (const part of parts) {
        if (typeof part === 'string') key += part
        else {
          const value = part(context)
          if (value !== null) key += String(value)
        }
      }
      return key
    },
  })
}

/** The } that closes a placeholder opened before `from`, skipping quoted texts. */
function closingBrace(template: string, from: number): number {
  let quote: string | null = null
  for (let i = from; i < template.length; i += 1) {
    const c = template[i]!
    if (quote !== null) {
      if (c === '\\') i += 1
      else if (c === quote) quote = null
    } else if (c === "'" || c === '"') quote = c
    else if (c === '}') return i
  }
  throw new ExpressionError('{ not closed: expected }', template, template.length)
}
