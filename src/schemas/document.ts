import { Type, type Static } from 'typebox'

/** A document's description (the bytes are downloaded separately), as the API gives it. */
export const DocumentSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the bytes, also recorded in the audit ledger' }),
  category: Type.Union([Type.String(), Type.Null()]),
  uploadedBy: Type.String(),
  createdAt: Type.String(),
})
export type DocumentInfo = Static<typeof DocumentSchema>
