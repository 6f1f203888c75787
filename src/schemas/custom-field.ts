import { Type, type Static } from 'typebox'

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select'] as const

export const CustomFieldDefinitionSchema = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,63}$', description: 'The name in customFields, e.g. taxBureau' }),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Enum(CUSTOM_FIELD_TYPES),
  options: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200, description: 'The choices of a select field' }),
  required: Type.Boolean(),
})

export const CustomFieldInputSchema = Type.Object(
  {
    key: CustomFieldDefinitionSchema.properties.key,
    label: CustomFieldDefinitionSchema.properties.label,
    type: CustomFieldDefinitionSchema.properties.type,
    options: Type.Optional(CustomFieldDefinitionSchema.properties.options),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type CustomFieldInput = Static<typeof CustomFieldInputSchema>

export const CustomFieldPatchSchema = Type.Object(
  {
    label: Type.Optional(CustomFieldDefinitionSchema.properties.label),
    options: Type.Optional(CustomFieldDefinitionSchema.properties.options),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type CustomFieldPatch = Static<typeof CustomFieldPatchSchema>
