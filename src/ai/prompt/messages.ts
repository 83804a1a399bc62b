/** The chat messages for one generate call: system instructions, then the data. */
import type { ProviderInput } from '../provider-types.js';
import { dataMessage, newBoundary } from './data-blocks.js';
import { systemInstructions } from './instructions.js';

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

export function buildMessages(input: ProviderInput, boundary: string = newBoundary()): ChatMessage[] {
  return [
    { role: 'system', content: systemInstructions(input, boundary) },
    { role: 'user', content: dataMessage(input, boundary) },
  ];
}
