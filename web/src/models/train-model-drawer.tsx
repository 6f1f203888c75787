import { UploadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Alert, App, AutoComplete, Button, Drawer, Form, Input, InputNumber, Progress, Select, Space, Typography, Upload, type UploadFile } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { useStartTraining, useTrainingJob } from '../api/model-queries.ts'
import { placeFieldErrors } from '../forms/field-errors.ts'
import { translateDetail } from '../forms/translate-detail.ts'
import { columnValues, readCsvSample, type CsvSample } from './csv-sample.ts'
import { trainingPercent } from './training-progress.ts'
import { ProblemAlert, type FormProblem } from '../forms/problem-alert.tsx'

type Values = { file: UploadFile[]; name: string; target: string; bad: string; holdoutFraction: number; exclude?: string[] }

const FIELDS = ['file', 'name', 'target', 'bad', 'holdoutFraction', 'exclude']

type Props = { open: boolean; onClose: () => void; onTrained: (modelId: string) => void }

/**
 * Trains a scorecard from a CSV file: the file goes as the request body, the settings in the
 * query. The target column is chosen from the file's header, read in the browser; the job is
 * followed with a progress bar, and the new model opens when it is done.
 */
export function TrainModelDrawer({ open, onClose, onTrained }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [sample, setSample] = useState<CsvSample | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const start = useStartTraining()
  const job = useTrainingJob(jobId)
  const target = Form.useWatch('target', form)
  const status = job.data?.status
  const isRunning = start.isPending || (jobId !== null && status !== 'failed')

  useEffect(() => {
    if (!open) return
    form.resetFields()
    setSample(null)
    setJobId(null)
    setProblem(null)
  }, [open, form])

  useEffect(() => {
    const modelId = job.data?.modelId
    if (status !== 'succeeded' || !modelId) return
    setJobId(null)
    void queryClient.invalidateQueries({ queryKey: ['models'] })
    void message.success(t('models.train.succeeded'))
    // Whoever closed the drawer while the job ran finds the model in the list instead.
    if (open) {
      onTrained(modelId)
      onClose()
    }
  }, [status, job.data?.modelId, open, queryClient, message, t, onTrained, onClose])

  async function chooseFile(file: File | undefined) {
    setSample(null)
    if (!file) return
    const read = await readCsvSample(file)
    setSample(read)
    if (!form.getFieldValue('name')) form.setFieldValue('name', file.name.replace(/\.[^.]*$/, ''))
    if (!read.columns.includes(form.getFieldValue('target') as string)) form.setFieldValue('target', undefined)
    form.setFieldValue('exclude', ((form.getFieldValue('exclude') as string[] | undefined) ?? []).filter((column) => read.columns.includes(column)))
  }

  function submit(values: Values) {
    const file = values.file[0]?.originFileObj
    if (!file) return
    setProblem(null)
    setJobId(null)
    start.mutate(
      { file, name: values.name.trim(), target: values.target, bad: values.bad, holdoutFraction: values.holdoutFraction, exclude: values.exclude ?? [] },
      {
        onSuccess: (created) => setJobId(created.id),
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem({ message: error.message, details: [] })
          const placed = placeFieldErrors(error.details, FIELDS, (m) => translateDetail(m, t))
          form.setFields(placed.fields as Parameters<typeof form.setFields>[0])
          setProblem({ message: placed.fields.length > 0 ? t('customers.form.invalid') : error.message, details: placed.general })
        },
      },
    )
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      forceRender
      title={t('models.train.title')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={isRunning} onClick={() => form.submit()} data-testid="train-submit">
            {t('models.train.submit')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert problem={problem} />
      {jobId !== null && (
        <div style={{ marginBottom: 16 }} data-testid="training-progress">
          <Progress percent={trainingPercent(job.data)} status={status === 'failed' ? 'exception' : status === 'succeeded' ? 'success' : 'active'} />
          <Typography.Text type="secondary">
            {t(`models.train.jobStatus.${status ?? 'queued'}`)}
            {job.data?.phase ? ` · ${t(`models.train.phases.${job.data.phase}`, { defaultValue: job.data.phase })}` : ''}
          </Typography.Text>
          {status === 'failed' && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('models.train.failed')} description={job.data?.error ?? undefined} />}
          {job.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} title={job.error.message} />}
        </div>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ holdoutFraction: 0.3, file: [] }} disabled={isRunning}>
        <Form.Item
          name="file"
          label={t('models.train.file')}
          extra={t('models.train.fileHint')}
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
          rules={[{ required: true, message: t('models.train.fileRequired') }]}
        >
          <Upload accept=".csv,text/csv" maxCount={1} beforeUpload={() => false} onChange={({ fileList }) => void chooseFile(fileList.at(-1)?.originFileObj)}>
            <Button icon={<UploadOutlined />}>{t('models.train.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="name" label={t('models.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="target" label={t('models.target')} extra={t('models.train.targetHint')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            showSearch
            disabled={!sample}
            placeholder={sample ? undefined : t('models.train.chooseFileFirst')}
            options={(sample?.columns ?? []).map((column) => ({ value: column, label: column }))}
            data-testid="train-target"
          />
        </Form.Item>
        <Form.Item name="bad" label={t('models.bad')} extra={t('models.train.badHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <AutoComplete options={sample && target ? columnValues(sample, target).map((value) => ({ value })) : []} />
        </Form.Item>
        <Form.Item name="exclude" label={t('models.train.exclude')} extra={t('models.train.excludeHint')}>
          <Select
            mode="multiple"
            allowClear
            disabled={!sample}
            options={(sample?.columns ?? []).filter((column) => column !== target).map((column) => ({ value: column, label: column }))}
          />
        </Form.Item>
        <Form.Item name="holdoutFraction" label={t('models.train.holdoutFraction')} extra={t('models.train.holdoutHint')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={0} max={0.9} step={0.05} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
