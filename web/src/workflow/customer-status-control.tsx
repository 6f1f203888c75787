import { Alert, App, Button, Input, Modal, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import type { Customer } from '../api/types.ts'
import { useChangeCustomerStatus, useCustomerLifecycle, type TransitionProblem } from '../api/workflow-queries.ts'

/**
 * The customer's status change: the moves open to it, what each still lacks as the server
 * says (before and after submitting), and a note where the move needs one.
 */
export function CustomerStatusControl({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const lifecycle = useCustomerLifecycle(customer.id)
  const change = useChangeCustomerStatus(customer.id)
  const [open, setOpen] = useState(false)
  const [to, setTo] = useState<Customer['status'] | null>(null)
  const [note, setNote] = useState('')
  const [refusal, setRefusal] = useState<TransitionProblem[] | null>(null)
  const transitions = lifecycle.data?.transitions ?? []
  const expected = transitions.find((tr) => tr.to === to)?.problems.filter((p) => p.path !== 'note') ?? []

  function submit() {
    if (!to) return
    change.mutate(
      { status: to, note: note.trim() === '' ? null : note.trim() },
      {
        onSuccess: () => {
          void message.success(t('lifecycle.changed', { status: t(`status.${to}`) }))
          setOpen(false)
          setTo(null)
          setNote('')
          setRefusal(null)
          void lifecycle.refetch()
        },
        onError: (error) => setRefusal(error instanceof ApiError && error.details.length > 0 ? error.details : [{ path: 'status', message: error.message }]),
      },
    )
  }

  if (transitions.length === 0) return null
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="customer-status-change">
        {t('lifecycle.change')}
      </Button>
      <Modal open={open} title={t('lifecycle.change')} onCancel={() => setOpen(false)} onOk={submit} okButtonProps={{ disabled: to === null, loading: change.isPending }} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            value={to}
            placeholder={t('lifecycle.to')}
            style={{ width: '100%' }}
            onChange={(value: Customer['status']) => {
              setTo(value)
              setRefusal(null)
            }}
            options={transitions.map((tr) => ({ value: tr.to, label: t(`status.${tr.to}`) }))}
            data-testid="customer-status-target"
          />
          {lifecycle.data && (
            <Typography.Text type="secondary">
              {t('lifecycle.kyc')}: {lifecycle.data.kycChecklist.map((i) => `${i.done ? '✓' : '✗'} ${t(`lifecycle.kycItems.${i.item}`)}`).join(' · ')}
            </Typography.Text>
          )}
          <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('lifecycle.note')} data-testid="customer-status-note" />
          {refusal === null && expected.length > 0 && <Alert type="warning" showIcon title={t('lifecycle.stillMissing')} description={<Problems problems={expected} />} />}
          {refusal !== null && <Alert type="error" showIcon title={t('lifecycle.refused')} description={<Problems problems={refusal} />} data-testid="customer-status-refusal" />}
        </Space>
      </Modal>
    </>
  )
}

function Problems({ problems }: { problems: TransitionProblem[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {problems.map((p) => (
        <li key={p.path}>{p.message}</li>
      ))}
    </ul>
  )
}
