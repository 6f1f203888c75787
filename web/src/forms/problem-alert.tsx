import { Alert } from 'antd'
import type { ReactNode } from 'react'
import type { ErrorDetail } from '../api/client.ts'

/** What the server refused, as a form shows it: its message and the details no field could take. */
export type FormProblem = { message: string; details: ErrorDetail[] }

/** The server's refusal above a form or in a drawer: the message, then each detail with its field path. */
export function ProblemAlert({ problem, testId, action }: { problem: FormProblem | null; testId?: string; action?: ReactNode }) {
  if (!problem) return null
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={problem.message}
      description={problem.details.length > 0 ? problem.details.map((d) => <div key={d.path}>{d.path ? `${d.path}: ${d.message}` : d.message}</div>) : undefined}
      action={action}
      data-testid={testId}
    />
  )
}
