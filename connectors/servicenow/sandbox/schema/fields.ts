/** Shorthands for the table specs. */
import type { FieldSpec } from './types.js';

export const str = (name: string, label: string, maxLength = 40): FieldSpec => ({ name, label, type: 'string', maxLength });
export const ref = (name: string, label: string, reference: string, indexed = false): FieldSpec => ({ name, label, type: 'reference', reference, maxLength: 32, indexed });
export const when = (name: string, label: string): FieldSpec => ({ name, label, type: 'glide_date_time', maxLength: 40 });
export const bool = (name: string, label: string, defaultValue: 'true' | 'false'): FieldSpec => ({ name, label, type: 'boolean', defaultValue });
