/** Where the ServiceNow app's sources live, and reading them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('../../../connectors/servicenow/app/', import.meta.url));
export const SHARED_MODULE = fileURLToPath(new URL('../../../connectors/servicenow/shared/scope-review.js', import.meta.url));

/** The app's plain scripts, as the instance runs them (Now.include copies them verbatim). */
export const SCRIPTS = {
  scopeReview: SHARED_MODULE,
  server: `${APP_DIR}src/scripts/server/ai-handoff-server.js`,
  ajax: `${APP_DIR}src/scripts/server/ai-handoff-ajax.js`,
  stampRule: `${APP_DIR}src/scripts/server/stamp-rule.js`,
  guardRule: `${APP_DIR}src/scripts/server/integration-guard-rule.js`,
  dialog: `${APP_DIR}src/scripts/client/ai-handoff-dialog.js`,
  formButtons: `${APP_DIR}src/scripts/client/form-buttons.js`,
} as const;

export function source(path: string): string {
  return readFileSync(path, 'utf8');
}
