import { App, Form, Input, Modal, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MIN_JUSTIFICATION_LENGTH } from '../../../../src/domain/scoring/rating/override.ts'
import { ApiError } from '../../api/client.ts'
import { useOverrideAssessment } from '../../api/risk-queries.ts'
import type { Assessment } from '../../api/types.ts'
import { placeFieldErrors } from '../../forms/field-errors.ts'
import { translateDetail } from '../../forms/translate-detail.ts'
import { finalGradeOf } from './pd-trend.ts'
import { GRADES } from './grades.ts'
import { ProblemAlert, type FormProblem } from '../../forms/problem-alert.tsx'

type Values = { grade: string; justification: string }

type Props = { assessment: Assessment; open: boolean; onClose: () => void }

/**
 * Overrides an assessment's grade: a grade of the master scale and a justification of at
 * least MIN_JUSTIFICATION_LENGTH characters, checked here and again by the server, whose
 * field errors land on the fields they name.
 */
export function OverrideModal({ assessment, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const override = useOverrideAssessment(assessment.customerId)
  const [problem, setProblem] = useState<FormProblem | null>(null)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue({ grade: finalGradeOf(assessment) ?? undefined, justification: '' })
    setProblem(null)
  }, [open, assessment, form])

  function submit(values: Values) {
    setProblem(null)
    override.mutate(
      { assessmentId: assessment.id, grade: values.grade, justification: values.justification.trim() },
      {
        onSuccess: () => {
          void message.success(t('risk.override.saved'))
          onClose()
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem({ message: error.message, details: [] })
          const placed = placeFieldErrors(error.details, ['grade', 'justification'], (m) => translateDetail(m, t))
          form.setFields(placed.fields as Parameters<typeof form.setFields>[0])
          const summary = error.status === 403 ? t('risk.override.forbidden', { reason: error.message }) : placed.fields.length > 0 ? t('customers.form.invalid') : error.message
          setProblem({ message: summary, details: placed.general })
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      title={t('risk.override.title', { grade: assessment.grade ?? '—' })}
      okText={t('risk.override.submit')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={override.isPending}
      forceRender
    >
      <ProblemAlert problem={problem} />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="grade" label={t('risk.override.grade')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={GRADES.map((grade) => ({ value: grade, label: grade }))} data-testid="override-grade" />
        </Form.Item>
        <Form.Item
          name="justification"
          label={t('risk.override.justification')}
          extra={t('risk.override.justificationHint', { count: MIN_JUSTIFICATION_LENGTH })}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                (value ?? '').trim().length >= MIN_JUSTIFICATION_LENGTH ? Promise.resolve() : Promise.reject(new Error(t('validation.minLength', { count: MIN_JUSTIFICATION_LENGTH }))),
            },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={2000} data-testid="override-justification" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
