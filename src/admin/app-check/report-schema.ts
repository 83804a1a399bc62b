/**
 * The shape of `ai-handoff app check --json` (docs/servicenow-app.md, "First
 * install"): every check with its area, what it looked at, whether it passed,
 * what it found, and the fix when it did not. The command validates its own
 * output against this schema before printing it.
 */
import { z } from 'zod';

export const CHECK_AREAS = ['tables', 'app', 'records', 'roles', 'reads', 'dry-run'] as const;

export const AppCheck = z.strictObject({
  area: z.enum(CHECK_AREAS),
  /** What was checked: a table, a record type, a role, a ticket. */
  subject: z.string().min(1),
  ok: z.boolean(),
  /** What the instance answered, in one line. */
  detail: z.string(),
  /** What to do; present exactly when the check failed. */
  fix: z.string().min(1).optional(),
});
export type AppCheck = z.infer<typeof AppCheck>;

export const AppCheckReport = z
  .strictObject({
    instance: z.string().min(1),
    scope: z.string().min(1),
    /** The build compared with (dist/app), or null when none was found and the contract's names were used. */
    build: z.string().nullable(),
    integrationUser: z.string().min(1),
    /** Who read the platform's metadata (an administrator, or the integration user when none was given). */
    metadataAs: z.string().min(1),
    checks: z.array(AppCheck),
    passed: z.number().int().min(0),
    failed: z.number().int().min(0),
    ok: z.boolean(),
  })
  .refine((r) => r.passed === r.checks.filter((c) => c.ok).length && r.failed === r.checks.length - r.passed && r.ok === (r.failed === 0), 'passed, failed and ok must count the checks')
  .refine((r) => r.checks.every((c) => c.ok === (c.fix === undefined)), 'a failed check carries its fix, a passed one none');
export type AppCheckReport = z.infer<typeof AppCheckReport>;

export const pass = (area: AppCheck['area'], subject: string, detail: string): AppCheck => ({ area, subject, ok: true, detail });
export const fail = (area: AppCheck['area'], subject: string, detail: string, fix: string): AppCheck => ({ area, subject, ok: false, detail, fix });

/** The report for a list of checks. */
export function reportOf(head: Pick<AppCheckReport, 'instance' | 'scope' | 'build' | 'integrationUser' | 'metadataAs'>, checks: readonly AppCheck[]): AppCheckReport {
  const passed = checks.filter((c) => c.ok).length;
  return AppCheckReport.parse({ ...head, checks, passed, failed: checks.length - passed, ok: passed === checks.length });
}
