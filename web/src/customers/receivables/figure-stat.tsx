import { Tooltip, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FigureDisplay } from './figure-display.ts'

type Props = {
  label: string
  /** The value; null shows a dash. */
  value: ReactNode | null
  /** What shows on hover: how the figure is computed and, when missing, why. */
  tip: ReactNode
  /** A line under the value: an invoice count, a contract. */
  note?: ReactNode
  'data-testid'?: string
}

/** One headline figure: its label, the value large, and on hover how it was computed. */
export function FigureStat({ label, value, tip, note, 'data-testid': testId }: Props) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Tooltip title={tip}>
        <div style={{ fontSize: 20, fontWeight: 600, cursor: 'help', width: 'fit-content' }} data-testid={testId ? `${testId}-value` : undefined}>
          {value ?? (
            <Typography.Text type="secondary" data-testid="missing-value" style={{ borderBottom: '1px dotted' }}>
              —
            </Typography.Text>
          )}
        </div>
      </Tooltip>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  )
}

/** The hover text of a server figure: the reason it is missing first, then its formula and inputs. */
export function FigureTip({ display }: { display: FigureDisplay }) {
  const { t } = useTranslation()
  return (
    <div data-testid="figure-tip">
      {display.reason && <div style={{ fontWeight: 600, marginBottom: 4 }}>{display.reason}</div>}
      <div>
        {t('receivables.formula')}: <code>{display.formula}</code>
      </div>
      {display.inputs.length > 0 && (
        <div style={{ marginTop: 4 }}>
          {t('receivables.inputs')}:
          {display.inputs.map((input) => (
            <div key={input.name} style={{ whiteSpace: 'nowrap' }}>
              <code>{input.name}</code> = {input.text}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
