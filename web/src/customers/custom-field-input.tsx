import { Input, InputNumber, Select } from 'antd'
import type { CustomFieldDefinition } from '../api/types.ts'

type Props = { definition: CustomFieldDefinition; value?: string | number | null; onChange?: (value: string | number | null) => void; id?: string }

/** The input a custom field's type calls for: text, number, a date as YYYY-MM-DD, or a select of its options. */
export function CustomFieldInput({ definition, value, onChange, id }: Props) {
  switch (definition.type) {
    case 'number':
      return <InputNumber id={id} value={typeof value === 'number' ? value : null} onChange={(v) => onChange?.(v ?? null)} style={{ width: '100%' }} />
    case 'select':
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === 'string' ? value : undefined}
          onChange={(v?: string) => onChange?.(v ?? null)}
          options={definition.options.map((option) => ({ value: option, label: option }))}
        />
      )
    case 'date':
      return <Input id={id} value={value ?? ''} onChange={(event) => onChange?.(event.target.value)} placeholder="YYYY-MM-DD" />
    case 'text':
      return <Input id={id} value={value ?? ''} onChange={(event) => onChange?.(event.target.value)} />
  }
}
