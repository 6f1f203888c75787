import { App, Button, Drawer, Form, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { useCustomFields, useSaveCustomer } from '../api/customer-queries.ts'
import type { Customer } from '../api/types.ts'
import { placeFieldErrors } from '../forms/field-errors.ts'
import { translateDetail } from '../forms/translate-detail.ts'
import { CustomerFormFields } from './customer-form-fields.tsx'
import { customerFormFields, customerPatch, newCustomerInput, toFormValues, type CustomerFormValues } from './customer-form-values.ts'
import { ProblemAlert, type FormProblem } from '../forms/problem-alert.tsx'

type Props = {
  open: boolean
  /** The customer to edit, or null to create one. */
  customer: Customer | null
  onClose: () => void
  onSaved?: (customer: Customer) => void
  /** Fetches the customer again after someone else changed it (409). */
  onReload?: () => void
}

/**
 * Creates or edits a customer. An edit sends only the changed fields and the version it
 * started from; the server's 400 and 409 details are put on the fields they name.
 */
export function CustomerFormDrawer({ open, customer, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<CustomerFormValues>()
  const definitions = useCustomFields().data ?? []
  const save = useSaveCustomer()
  const [problem, setProblem] = useState<(FormProblem & { isStale: boolean }) | null>(null)

  // Start from the customer as it is now whenever the drawer opens or the customer is reloaded.
  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(toFormValues(customer))
    setProblem(null)
  }, [open, customer, form])

  function submit(values: CustomerFormValues) {
    setProblem(null)
    const change = customer ? { id: customer.id, patch: customerPatch(customer, values) } : { id: null, input: newCustomerInput(values) }
    save.mutate(change, {
      onSuccess: (saved) => {
        void message.success(customer ? t('customers.form.saved') : t('customers.form.created'))
        onSaved?.(saved)
        onClose()
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return setProblem({ message: error.message, details: [], isStale: false })
        const placed = placeFieldErrors(error.details, customerFormFields(definitions), (m) => translateDetail(m, t))
        // The paths come from the server, so antd cannot know them statically.
        form.setFields(placed.fields as Parameters<typeof form.setFields>[0])
        const isStale = error.status === 409 && error.details.some((d) => d.path === 'version')
        const summary = isStale ? t('customers.form.stale') : error.status === 409 ? t('customers.form.conflict') : t('customers.form.invalid')
        setProblem({ message: summary, details: placed.general, isStale })
      },
    })
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      forceRender
      title={customer ? t('customers.form.editTitle', { name: customer.name }) : t('customers.form.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="customer-form-save">
            {t('actions.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert
        problem={problem}
        action={
          problem?.isStale && onReload ? (
            <Button size="small" onClick={onReload}>
              {t('actions.reload')}
            </Button>
          ) : undefined
        }
      />
      <Form<CustomerFormValues> form={form} layout="vertical" onFinish={submit} initialValues={toFormValues(customer)} scrollToFirstError>
        <CustomerFormFields definitions={definitions} />
      </Form>
    </Drawer>
  )
}
