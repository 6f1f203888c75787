/**
 * The types of the rule language. A variable is a number, a text, a boolean or a list of texts,
 * and may be null (nullable) when the data behind it can be missing. The literal `null` has its
 * own type; list literals are lists of numbers or of texts.
 */
export type ScalarKind = 'number' | 'text' | 'boolean'
export type ListItemKind = 'number' | 'text'

export type ValueType =
  | { readonly kind: ScalarKind; readonly nullable: boolean }
  | { readonly kind: 'list'; readonly item: ListItemKind | null; readonly nullable: boolean }
  | { readonly kind: 'null'; readonly nullable: true }

/** What an expression evaluates to. */
export type Value = number | string | boolean | null | readonly string[] | readonly number[]

/** The type of a variable as the catalogue declares it. */
export type VariableType = ScalarKind | 'list of text'

export const scalar = (kind: ScalarKind, nullable: boolean): ValueType => ({ kind, nullable })
export const listOf = (item: ListItemKind | null, nullable: boolean): ValueType => ({ kind: 'list', item, nullable })
export const NULL_TYPE: ValueType = { kind: 'null', nullable: true }

export function variableValueType(type: VariableType, nullable: boolean): ValueType {
  return type === 'list of text' ? listOf('text', nullable) : scalar(type, nullable)
}

/** "number", "text or null", "list of text". */
export function describeType(type: ValueType): string {
  if (type.kind === 'null') return 'null'
  const base = type.kind === 'list' ? `list of ${type.item ?? 'nothing'}` : type.kind
  return type.nullable ? `${base} or null` : base
}

/** The kind alone, for messages about what cannot be combined: "cannot compare text with number". */
export function kindName(type: ValueType): string {
  return type.kind === 'list' ? 'a list' : type.kind
}
