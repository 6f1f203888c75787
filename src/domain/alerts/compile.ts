import type { ArithmeticOperator, ComparisonOperator, ExpressionNode } from './ast.ts'
import { lookupFunction, type Evaluator } from './functions.ts'
import { parseExpression } from './parser.ts'
import type { Scope } from './scope.ts'
import { checkExpression, constantOf, type CheckedExpression } from './type-check.ts'
import type { Value } from './value-type.ts'

/**
 * Compiles a checked expression once into a tree of closures, one per node: evaluating it is a
 * few function calls, with every variable read by the scope's own read function (no name is
 * looked up while evaluating). Subtrees without variables are computed at compile time, and
 * comparisons and arithmetic with a constant side get closures of their own.
 *
 * Null: arithmetic and number functions of a null give null, and so does a result that is not a
 * finite number (x / 0); a comparison or `in` with a null is false; `x == null` and `x != null`
 * test for null; && || ! follow three-valued logic (null is "unknown").
 */
export type CompiledExpression<Context> = CheckedExpression<Context> & { readonly evaluate: Evaluator<Context> }

/** Parses, checks and compiles; throws an ExpressionError that says where and why. */
export function compileExpression<Context>(source: string, scope: Scope<Context>): CompiledExpression<Context> {
  const checked = checkExpression(source, parseExpression(source), scope)
  return Object.freeze({ ...checked, evaluate: compileChecked(checked, scope) })
}

function compileChecked<Context>(checked: CheckedExpression<Context>, scope: Scope<Context>): Evaluator<Context> {
  return compileNode(checked.ast, scope).evaluate
}

type Compiled<Context> = { evaluate: Evaluator<Context>; constant: boolean; value: Value }

const NO_CONTEXT = undefined as never

function constant<Context>(value: Value): Compiled<Context> {
  return { evaluate: () => value, constant: true, value }
}

function dynamic<Context>(evaluate: Evaluator<Context>): Compiled<Context> {
  return { evaluate, constant: false, value: null }
}

/** Folds a node whose inputs are all constant into its value. */
function folded<Context>(evaluate: Evaluator<Context>, inputs: readonly Compiled<Context>[]): Compiled<Context> {
  return inputs.every((input) => input.constant) ? constant(evaluate(NO_CONTEXT)) : dynamic(evaluate)
}

function compileNode<Context>(node: ExpressionNode, scope: Scope<Context>): Compiled<Context> {
  switch (node.kind) {
    case 'literal':
      return constant(node.value)

    case 'variable': {
      const definition = scope.lookup(node.name)
      if (definition === undefined) throw new Error(`compileExpression: ${node.name} was not checked`)
      return dynamic(definition.read)
    }

    case 'list':
      throw new Error('compileExpression: a list outside in was not checked')

    case 'negate': {
      const operand = compileNode(node.operand, scope)
      const f = operand.evaluate
      return folded((c) => {
        const a = f(c) as number | null
        return a === null ? null : -a
      }, [operand])
    }

    case 'not': {
      const operand = compileNode(node.operand, scope)
      const f = operand.evaluate
      return folded((c) => {
        const a = f(c) as boolean | null
        return a === null ? null : !a
      }, [operand])
    }

    case 'arithmetic': {
      const left = compileNode(node.left, scope)
      const right = compileNode(node.right, scope)
      return folded(arithmeticEvaluator(node.operator, left, right), [left, right])
    }

    case 'comparison': {
      const left = compileNode(node.left, scope)
      const right = compileNode(node.right, scope)
      // x == null, x != null: a test for null, written with the literal.
      if (isNullLiteral(node.right)) return folded(nullTest(node.operator, left), [left])
      if (isNullLiteral(node.left)) return folded(nullTest(node.operator, right), [right])
      return folded(comparisonEvaluator(node.operator, left, right), [left, right])
    }

    case 'logical': {
      const left = compileNode(node.left, scope)
      const right = compileNode(node.right, scope)
      if (left.constant && left.value === (node.operator === '&&' ? false : true)) return constant(left.value)
      if (left.constant && left.value === (node.operator === '&&' ? true : false)) return right
      const l = left.evaluate
      const r = right.evaluate
      const evaluate: Evaluator<Context> =
        node.operator === '&&'
          ? (c) => {
              const a = l(c)
              if (a === false) return false
              const b = r(c)
              if (b === false) return false
              return a === null || b === null ? null : true
            }
          : (c) => {
              const a = l(c)
              if (a === true) return true
              const b = r(c)
              if (b === true) return true
              return a === null || b === null ? null : false
            }
      return folded(evaluate, [left, right])
    }

    case 'in': {
      const value = compileNode(node.value, scope)
      const v = value.evaluate
      const negated = node.negated
      if (node.list.kind === 'list') {
        const items = node.list.items.map((item) => constantOf(item)!)
        if (items.length > 8) {
          const set = new Set<Value>(items)
          return folded((c) => {
            const a = v(c)
            return a !== null && set.has(a) !== negated
          }, [value])
        }
        return folded((c) => {
          const a = v(c)
          return a !== null && (items as Value[]).includes(a) !== negated
        }, [value])
      }
      const list = compileNode(node.list, scope)
      const l = list.evaluate
      return folded((c) => {
        const a = v(c)
        if (a === null) return false
        const xs = l(c) as readonly Value[] | null
        return xs !== null && xs.includes(a) !== negated
      }, [value, list])
    }

    case 'call': {
      const definition = lookupFunction(node.name)
      if (definition === undefined) throw new Error(`compileExpression: function ${node.name} was not checked`)
      const args = node.args.map((arg) => compileNode(arg, scope))
      return folded(definition.compile(args.map((arg) => arg.evaluate)), args)
    }
  }
}

/** A number, or null when it is not finite (NaN and ±Infinity fail r − r === 0). */
const finite = (r: number): number | null => (r - r === 0 ? r : null)

function arithmeticOf(operator: ArithmeticOperator): (a: number, b: number) => number | null {
  switch (operator) {
    case '+':
      return (a, b) => finite(a + b)
    case '-':
      return (a, b) => finite(a - b)
    case '*':
      return (a, b) => finite(a * b)
    case '/':
      return (a, b) => finite(a / b)
    case '%':
      return (a, b) => finite(a % b)
  }
}

function arithmeticEvaluator<Context>(operator: ArithmeticOperator, left: Compiled<Context>, right: Compiled<Context>): Evaluator<Context> {
  const l = left.evaluate
  const r = right.evaluate
  // The common shapes, written out so that each closure does its one operation inline.
  if (right.constant && right.value !== null) {
    const k = right.value as number
    switch (operator) {
      case '+':
        return (c) => {
          const a = l(c) as number | null
          return a === null ? null : finite(a + k)
        }
      case '-':
        return (c) => {
          const a = l(c) as number | null
          return a === null ? null : finite(a - k)
        }
      case '*':
        return (c) => {
          const a = l(c) as number | null
          return a === null ? null : finite(a * k)
        }
      case '/':
        return (c) => {
          const a = l(c) as number | null
          return a === null ? null : finite(a / k)
        }
      case '%':
        return (c) => {
          const a = l(c) as number | null
          return a === null ? null : finite(a % k)
        }
    }
  }
  if (left.constant && left.value !== null && operator === '*') {
    const k = left.value as number
    return (c) => {
      const b = r(c) as number | null
      return b === null ? null : finite(k * b)
    }
  }
  const apply = arithmeticOf(operator)
  return (c) => {
    const a = l(c) as number | null
    if (a === null) return null
    const b = r(c) as number | null
    return b === null ? null : apply(a, b)
  }
}

const FLIPPED: Record<ComparisonOperator, ComparisonOperator> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' }

const isNullLiteral = (node: ExpressionNode) => node.kind === 'literal' && node.value === null

function comparisonEvaluator<Context>(operator: ComparisonOperator, left: Compiled<Context>, right: Compiled<Context>): Evaluator<Context> {
  // A side that is constant null (1 / 0) makes every comparison false.
  if ((right.constant && right.value === null) || (left.constant && left.value === null)) return () => false
  if (right.constant) return comparisonWithConstant(operator, left.evaluate, right.value)
  if (left.constant) return comparisonWithConstant(FLIPPED[operator], right.evaluate, left.value)
  const l = left.evaluate
  const r = right.evaluate
  switch (operator) {
    case '<':
      return (c) => {
        const a = l(c)
        if (a === null) return false
        const b = r(c)
        return b !== null && (a as number) < (b as number)
      }
    case '<=':
      return (c) => {
        const a = l(c)
        if (a === null) return false
        const b = r(c)
        return b !== null && (a as number) <= (b as number)
      }
    case '>':
      return (c) => {
        const a = l(c)
        if (a === null) return false
        const b = r(c)
        return b !== null && (a as number) > (b as number)
      }
    case '>=':
      return (c) => {
        const a = l(c)
        if (a === null) return false
        const b = r(c)
        return b !== null && (a as number) >= (b as number)
      }
    case '==':
      return (c) => {
        const a = l(c)
        if (a === null) return false
        const b = r(c)
        return b !== null && a === b
      }
    case '!=':
      return (c) => {
        const a = l(c)
        if (a === null) return false
        const b = r(c)
        return b !== null && a !== b
      }
  }
}

function nullTest<Context>(operator: ComparisonOperator, other: Compiled<Context>): Evaluator<Context> {
  const f = other.evaluate
  return operator === '==' ? (c) => f(c) === null : (c) => f(c) !== null
}

/** `x op k` for a constant k that is not null. */
function comparisonWithConstant<Context>(operator: ComparisonOperator, l: Evaluator<Context>, k: Value): Evaluator<Context> {
  switch (operator) {
    case '<':
      return (c) => {
        const a = l(c)
        return a !== null && (a as number) < (k as number)
      }
    case '<=':
      return (c) => {
        const a = l(c)
        return a !== null && (a as number) <= (k as number)
      }
    case '>':
      return (c) => {
        const a = l(c)
        return a !== null && (a as number) > (k as number)
      }
    case '>=':
      return (c) => {
        const a = l(c)
        return a !== null && (a as number) >= (k as number)
      }
    case '==':
      return (c) => l(c) === k
    case '!=':
      return (c) => {
        const a = l(c)
        return a !== null && a !== k
      }
  }
}
