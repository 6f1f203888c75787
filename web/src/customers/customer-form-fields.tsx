import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CustomFieldDefinition } from '../api/types.ts'
import { CustomFieldInput } from './custom-field-input.tsx'

const STATUSES = ['prospect', 'onboarding', 'active', 'under_review', 'suspended', 'closed'] as const

/** The fields of the customer form, named as the API names them, so server errors land on them. */
export function CustomerFormFields({ definitions }: { definitions: CustomFieldDefinition[] }) {
  const { t } = useTranslation()
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('fields.type')}>
            <Select options={['company', 'individual'].map((type) => ({ value: type, label: t(`customerType.${type}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="aliases" label={t('fields.aliases')} tooltip={t('customers.form.aliasesHint')}>
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="registrationId" label={t('fields.registrationId')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="externalId" label={t('fields.externalId')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="country"
            label={t('fields.country')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[{ required: true, pattern: /^[A-Z]{2}$/, message: t('validation.country') }]}
          >
            <Input maxLength={2} placeholder="CN" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="region" label={t('fields.region')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('customers.form.business')}</Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name={['industry', 'code']} label={t('fields.industryCode')} tooltip={t('customers.form.industryHint')}>
            <Input maxLength={20} placeholder="C39" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name={['industry', 'name']} label={t('fields.industryName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="businessScope" label={t('fields.businessScope')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="businessModel" label={t('fields.businessModel')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="founded" label={t('fields.founded')}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="employees" label={t('fields.employees')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="listed" label={t('fields.listed')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('customers.form.classification')}</Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="status" label={t('fields.status')}>
            <Select options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tags" label={t('fields.tags')}>
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>

      {definitions.length > 0 && <Divider titlePlacement="start">{t('customers.form.customFields')}</Divider>}
      {definitions.map((definition) => (
        <Form.Item
          key={definition.key}
          name={['customFields', definition.key]}
          label={definition.label}
          rules={definition.required ? [{ required: true, message: t('validation.required') }] : []}
        >
          <CustomFieldInput definition={definition} />
        </Form.Item>
      ))}
    </>
  )
}
