/**
 * Turns zod issues into lines an admin can act on: the file, the key path, what
 * is wrong and how to fix it.
 */
import type { z } from 'zod';

export function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${pathOf(issue.path)}: ${explain(issue)}`);
}

export function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      // A schema that knows the fix says so through its `error` option; zod's own message starts "Unrecognized key".
      const fix = issue.message.startsWith('Unrecognized key') ? `remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling` : issue.message;
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}: ${fix}`;
    }
    case 'invalid_type':
      return issue.input === undefined ? `is missing: add it (${issue.expected})` : `${issue.message}: fix the value`;
    case 'invalid_value':
      return `${issue.message}: use one of the listed values`;
    default:
      return issue.message;
  }
}
