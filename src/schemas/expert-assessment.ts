import { Type, type Static } from 'typebox'
import type { IndustryRiskTable, Questionnaire } from '../domain/scoring/index.ts'

/**
 * Expert questionnaires, their answers and the industry risk table, as the API takes and
 * sends them. The rules a schema cannot say (unique keys, positive weights, scores 0–100,
 * known sections) are the domain's: validateQuestionnaire and validateIndustryRiskTable.
 */

const Key = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$', description: 'A letter, then letters, digits or _' })

export const LocalisedTextSchema = Type.Union(
  [Type.String({ minLength: 1, maxLength: 500 }), Type.Object({ zh: Type.String({ minLength: 1, maxLength: 500 }), en: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false })],
  { description: 'A plain text, or the zh-CN and en texts' },
)

export const AnswerOptionSchema = Type.Object({ key: Key, label: LocalisedTextSchema, score: Type.Number({ description: '0–100, 100 best' }) }, { additionalProperties: false })

export const QuestionSchema = Type.Object(
  { key: Key, text: LocalisedTextSchema, weight: Type.Number({ description: 'Positive; relative to the other questions of its dimension' }), options: Type.Array(AnswerOptionSchema, { maxItems: 20 }) },
  { additionalProperties: false },
)

export const DimensionSchema = Type.Object(
  { key: Key, label: LocalisedTextSchema, weight: Type.Number({ description: 'Positive; relative to the other dimensions' }), questions: Type.Array(QuestionSchema, { maxItems: 100 }) },
  { additionalProperties: false },
)

export const QuestionnaireDimensionsSchema = Type.Array(DimensionSchema, { maxItems: 50 })

/** Typed as the domain's Questionnaire, which the schema describes. */
export const QuestionnaireSchema = Type.Unsafe<Questionnaire>(Type.Object({ id: Type.String(), version: Type.Integer(), dimensions: QuestionnaireDimensionsSchema }))

export const QuestionnaireVersionSchema = Type.Object({
  version: Type.Integer({ description: '1, 2, 3… for stored questionnaires; 0 for the built-in default, active until one is stored' }),
  definition: QuestionnaireSchema,
  createdBy: Type.Union([Type.String(), Type.Null()], { description: 'Null for the built-in questionnaire' }),
  createdAt: Type.Union([Type.String(), Type.Null()]),
})

export const AnswersSchema = Type.Record(Type.String({ maxLength: 64 }), Type.String({ minLength: 1, maxLength: 64 }), {
  maxProperties: 500,
  description: 'Question key → the chosen option key; questions left out are listed in missing',
})
export type AnswersInput = Static<typeof AnswersSchema>

export const ExpertAssessmentSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  questionnaireVersion: Type.Integer(),
  answers: AnswersSchema,
  score: Type.Union([Type.Number(), Type.Null()], { description: '0–100, 100 best: weighted mean of the answered dimensions' }),
  dimensions: Type.Array(
    Type.Object({
      key: Type.String(),
      score: Type.Union([Type.Number(), Type.Null()], { description: 'Null when none of its questions was answered' }),
      answered: Type.Integer(),
      of: Type.Integer(),
    }),
  ),
  missing: Type.Array(Type.String(), { description: 'Questions left unanswered, in questionnaire order' }),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
})

/** Typed as the domain's IndustryRiskTable, which the schema describes (levels 1–5). */
export const IndustryRiskTableSchema = Type.Unsafe<IndustryRiskTable>(
  Type.Record(
    Type.String({ maxLength: 8 }),
    Type.Object({ label: LocalisedTextSchema, level: Type.Integer({ minimum: 1, maximum: 5, description: '1 lowest risk, 5 highest' }) }, { additionalProperties: false }),
    { description: 'GB/T 4754-2017 section letter (A–T) → its name and risk level; sections left out get level 3' },
  ),
)

export const IndustryRiskTableVersionSchema = Type.Object({
  version: Type.Integer({ description: '1, 2, 3… for stored tables; 0 for the built-in default, active until one is stored' }),
  table: IndustryRiskTableSchema,
  createdBy: Type.Union([Type.String(), Type.Null()], { description: 'Null for the built-in table' }),
  createdAt: Type.Union([Type.String(), Type.Null()]),
})
