import { Tooltip, Typography } from 'antd'

/** A figure that has no value: a dash, and the reason on hover when there is one. */
export function MissingValue({ reason }: { reason: string | null | undefined }) {
  const dash = (
    <Typography.Text type="secondary" data-testid="missing-value" style={reason ? { cursor: 'help', borderBottom: '1px dotted' } : undefined}>
      —
    </Typography.Text>
  )
  return reason ? <Tooltip title={reason}>{dash}</Tooltip> : dash
}
