/**
 * Reads a file a command-line flag names, with an error that says what is
 * wrong in words (the file does not exist, is a folder) instead of Node's
 * "ENOENT: no such file or directory".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HandoffError } from '../../errors.js';

/** The file's text and its absolute path; INPUT_INVALID naming the flag and `remedy` otherwise. */
export function readInputFile(flag: string, file: string, remedy: string): { readonly path: string; readonly text: string } {
  const path = resolve(file);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (cause) {
    const code = cause instanceof Error ? (cause as { code?: unknown }).code : undefined;
    if (code === 'ENOENT') throw new HandoffError('INPUT_INVALID', `${flag}: the file ${path} does not exist`, { remedy });
    if (code === 'EISDIR') throw new HandoffError('INPUT_INVALID', `${flag}: ${path} is a folder, not a file`, { remedy });
    throw new HandoffError('INPUT_INVALID', `${flag}: cannot read ${path}`, { cause, remedy });
  }
}
