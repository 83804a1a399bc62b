/**
 * What a person typed into a request or a review (the operator's note, the
 * reviewer's comment), masked before anything keeps or quotes it: the
 * hand-off record in Redis, a refusal reason, the audit, the review note, the
 * logs (issue 11: reviewer comments carried 25 secret formats verbatim into
 * the review note and Redis). Secrets only, as for the built-in provider;
 * the record counts what was masked by kind, never the values, for the audit
 * (the seed: "the masking is recorded in the audit").
 *
 * Invisible characters do not hide a secret: a label split by a zero-width
 * space ("Pass\u200Bword: …") is read as the label. Text in which nothing is
 * masked is kept as typed (pickup still reads hidden Tag characters in a
 * note to refuse it); text with a secret is kept sanitised and masked.
 */
import { SECRET_MASK_KINDS, type MaskKind } from './config.js';
import { createMasker } from './mask.js';
import { sanitise } from './text/unicode.js';

export interface MaskedFreeText {
  /** The trimmed text with its secrets masked; undefined when there was none. */
  readonly text: string | undefined;
  /** Distinct values masked, by kind. */
  readonly masked: Readonly<Partial<Record<MaskKind, number>>>;
}

export function maskFreeText(typed: string | null | undefined): MaskedFreeText {
  const trimmed = typed?.trim() ?? '';
  if (trimmed === '') return { text: undefined, masked: {} };
  const masker = createMasker(SECRET_MASK_KINDS);
  const clean = sanitise(trimmed).text;
  const masked = masker.mask(clean);
  const { counts, occurrences } = masker.record();
  return occurrences === 0 ? { text: trimmed, masked: {} } : { text: masked, masked: counts };
}
