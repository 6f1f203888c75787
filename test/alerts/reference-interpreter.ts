import type { ExpressionNode, Value } from '../../src/domain/alerts/index.ts'

/**
 * The semantics of docs/rules.md, written as plainly as possible: a tree walk that looks every
 * variable up by name. The compiled closures must agree with it on every expression.
 */
export function interpret(node: ExpressionNode, variables: Readonly<Record<string, Value>>): Value {
  const run = (n: ExpressionNode) => interpret(n, variables)
  const finite = (x: number) => (Number.isFinite(x) ? x : null)
  switch (node.kind) {
    case 'literal':
      return node.value
    case 'variable':
      return variables[node.name] ?? null
    case 'list':
      throw new Error('a list outside in')
    case 'negate': {
      const a = run(node.operand) as number | null
      return a === null ? null : -a
    }
    case 'not': {
      const a = run(node.operand) as boolean | null
      return a === null ? null : !a
    }
    case 'arithmetic': {
      const a = run(node.left) as number | null
      const b = run(node.right) as number | null
      if (a === null || b === null) return null
      if (node.operator === '+') return finite(a + b)
      if (node.operator === '-') return finite(a - b)
      if (node.operator === '*') return finite(a * b)
      if (node.operator === '/') return finite(a / b)
      return finite(a % b)
    }
    case 'comparison': {
      const isNullLiteral = (n: ExpressionNode) => n.kind === 'literal' && n.value === null
      if (isNullLiteral(node.left) || isNullLiteral(node.right)) {
        const other = run(isNullLiteral(node.left) ? node.right : node.left)
        return node.operator === '==' ? other === null : other !== null
      }
      const a = run(node.left)
      const b = run(node.right)
      if (a === null || b === null) return false
      if (node.operator === '==') return a === b
      if (node.operator === '!=') return a !== b
      if (node.operator === '<') return (a as number) < (b as number)
      if (node.operator === '<=') return (a as number) <= (b as number)
      if (node.operator === '>') return (a as number) > (b as number)
      return (a as number) >= (b as number)
    }
    case 'logical': {
      const a = run(node.left) as boolean | null
      const b = run(node.right) as boolean | null
      if (node.operator === '&&') return a === false || b === false ? false : a === null || b === null ? null : true
      return a === true || b === true ? true : a === null || b === null ? null : false
    }
    case 'in': {
      const a = run(node.value)
      if (a === null) return false
      const items = node.list.kind === 'list' ? node.list.items.map(run) : (run(node.list) as Value[] | null)
      if (items === null) return false
      return items.includes(a) !== node.negated
    }
    case 'call': {
      const args = node.args.map(run)
      const numbers = args as (number | null)[]
      switch (node.name) {
        case 'abs':
          return numbers[0] === null ? null : Math.abs(numbers[0]!)
        case 'min':
          return numbers.includes(null) ? null : Math.min(...(numbers as number[]))
        case 'max':
          return numbers.includes(null) ? null : Math.max(...(numbers as number[]))
        case 'round': {
          const [x, digits = 0] = numbers
          if (x === null || digits === null || !Number.isInteger(digits) || digits < 0 || digits > 10) return null
          const scaled = Number((Math.abs(x!) * 10 ** digits).toPrecision(15))
          const result = (Math.sign(x!) * Math.round(scaled)) / 10 ** digits + 0
          return Number.isFinite(result) ? result : null
        }
        case 'coalesce':
          return args.find((a) => a !== null) ?? null
        case 'days':
          return numbers[0] === null ? null : finite(numbers[0]! * 86_400_000)
        case 'hours':
          return numbers[0] === null ? null : finite(numbers[0]! * 3_600_000)
        case 'starts_with':
          return args[0] !== null && args[1] !== null && (args[0] as string).startsWith(args[1] as string)
      }
      throw new Error(`no function ${node.name}`)
    }
  }
}
