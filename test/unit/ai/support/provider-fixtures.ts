/** Helpers for provider tests: fixture bodies, a recording sleep, a seed input and its built-in answer. */
import { readFileSync } from 'node:fs';
import { composeOutput } from '../../../../src/ai/builtin/provider.js';
import type { ProviderInput } from '../../../../src/ai/provider.js';
import { isHandoffError, type HandoffError } from '../../../../src/errors.js';
import { ALL_KINDS, INC_2041, inputFor, op } from '../../../fixtures/ai/seed-gathered.js';

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/ai/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** A completion fixture with its content (and finish reason) replaced. */
export function completion(name: string, content: string | null, finish = 'stop'): Record<string, unknown> {
  const body = fixture(name);
  const choice = (body.choices as Record<string, unknown>[])[0]!;
  (choice.message as Record<string, unknown>).content = content;
  choice.finish_reason = finish;
  return body;
}

export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

export const seedInput: ProviderInput = inputFor(INC_2041, ALL_KINDS, op('gather-diagnostics', 'evidence_pack', 'Gather diagnostics'), { canary: 'cnryfixturecanary234567' });
/** What a well-behaved model would answer for seedInput. */
export const seedAnswer = JSON.stringify(composeOutput(seedInput));

/** The HandoffError a promise rejects with; fails the test when it resolves or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<HandoffError> {
  try {
    await promise;
  } catch (error) {
    if (isHandoffError(error)) return error;
    throw error;
  }
  throw new Error('expected a HandoffError');
}
