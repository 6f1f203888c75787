/** A problem the server found in a rule's expression (or dedupe key), its position taken out of the message. */
export type ExpressionProblem = { reason: string; line: number; column: number } | { reason: string; line: null; column: null }

/**
 * Reads "unknown variable f.cnt_24h at column 17; did you mean f.count_24h?" or
 * "expected ) at line 2, column 22" (docs/rules.md, Errors and limits) into the reason and the
 * 1-based line and column; a message without a position keeps its text as the reason.
 */
export function parseExpressionProblem(message: string): ExpressionProblem {
  const match = / at (?:line (\d+), )?column (\d+)/.exec(message)
  if (!match) return { reason: message, line: null, column: null }
  const reason = (message.slice(0, match.index) + message.slice(match.index + match[0].length)).trim()
  return { reason, line: match[1] ? Number(match[1]) : 1, column: Number(match[2]) }
}

/** The rule document's field paths as the form names them: `tags[1]` → `tags.1`, `playbook.do[0]` → `playbook.do.0`. */
export function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1')
}
