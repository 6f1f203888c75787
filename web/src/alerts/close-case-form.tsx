import { App, Button, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCloseCase } from '../api/alert-queries.ts'
import { ApiError } from '../api/client.ts'
import type { Disposition } from '../api/types.ts'
import { placeFieldErrors } from '../forms/field-errors.ts'
import { translateDetail } from '../forms/translate-detail.ts'
import { ProblemAlert, type FormProblem } from '../forms/problem-alert.tsx'

export const DISPOSITIONS: Disposition[] = ['true_positive', 'false_positive', 'not_actionable']

type Values = { disposition: Disposition; note: string }

/** Closes an open case and its alerts: a disposition and a note saying why, both required. */
export function CloseCaseForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const close = useCloseCase()
  const [problem, setProblem] = useState<FormProblem | null>(null)

  function submit(values: Values) {
    setProblem(null)
    close.mutate(
      { id: caseId, disposition: values.disposition, note: values.note.trim() },
      {
        onSuccess: () => void message.success(t('cases.close.closed')),
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem({ message: error.message, details: [] })
          const placed = placeFieldErrors(error.details, ['disposition', 'note'], (m) => translateDetail(m, t))
          form.setFields(placed.fields as Parameters<typeof form.setFields>[0])
          if (placed.fields.length === 0 || placed.general.length > 0) setProblem({ message: error.message, details: placed.general })
        },
      },
    )
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="close-case-form" disabled={close.isPending}>
      <ProblemAlert problem={problem} testId="close-case-problem" />
      <Form.Item name="disposition" label={t('cases.disposition.title')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={DISPOSITIONS.map((value) => ({ value, label: t(`cases.disposition.${value}`) }))} style={{ maxWidth: 320 }} data-testid="close-disposition" />
      </Form.Item>
      <Form.Item name="note" label={t('cases.close.note')} extra={t('cases.close.noteHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={close.isPending} data-testid="close-case-submit">
        {t('cases.close.submit')}
      </Button>
    </Form>
  )
}
