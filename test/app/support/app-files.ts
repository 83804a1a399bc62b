/** Where the ServiceNow app's sources live, reading them, and the names the app gives its parts in the default scope. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vendoredText } from '../../../connectors/servicenow/app/scripts/vendor-shared.mjs';

export const APP_DIR = fileURLToPath(new URL('../../../connectors/servicenow/app/', import.meta.url));
export const SHARED_MODULE = fileURLToPath(new URL('../../../connectors/servicenow/shared/scope-review.js', import.meta.url));

/** The app's plain scripts, as the instance runs them (Now.include copies them verbatim). */
export const SCRIPTS = {
  scopeReview: SHARED_MODULE,
  server: `${APP_DIR}src/scripts/server/ai-handoff-server.js`,
  intake: `${APP_DIR}src/scripts/server/ai-handoff-intake.js`,
  readCheck: `${APP_DIR}src/scripts/server/ai-handoff-read-check.js`,
  ticketApi: `${APP_DIR}src/scripts/server/ai-handoff-ticket-api.js`,
  doorbell: `${APP_DIR}src/scripts/server/ai-handoff-doorbell.js`,
  ajax: `${APP_DIR}src/scripts/server/ai-handoff-ajax.js`,
  requestRule: `${APP_DIR}src/scripts/server/request-rule.js`,
  reviewRule: `${APP_DIR}src/scripts/server/review-rule.js`,
  doorbellRule: `${APP_DIR}src/scripts/server/doorbell-rule.js`,
  ticketRoute: `${APP_DIR}src/scripts/server/ticket-route.js`,
  dialog: `${APP_DIR}src/scripts/client/ai-handoff-dialog.js`,
  dialogPage: `${APP_DIR}src/scripts/client/dialog-page.js`,
  dialogPageHtml: `${APP_DIR}src/scripts/client/dialog-page.html`,
  formButtons: `${APP_DIR}src/scripts/client/form-buttons.js`,
} as const;

/** The app's names in the default scope (docs/contract.md, "Names"). */
export const APP = {
  scope: 'x_acme_aihandoff',
  tables: { request: 'x_acme_aihandoff_request', review: 'x_acme_aihandoff_review', checkpoint: 'x_acme_aihandoff_checkpoint' },
  fields: { panel: 'x_acme_aihandoff_panel', status: 'x_acme_aihandoff_status', dataClass: 'x_acme_aihandoff_data_classification' },
  roles: { agent: 'x_acme_aihandoff.agent', reviewer: 'x_acme_aihandoff.reviewer', integration: 'x_acme_aihandoff.integration', dataSteward: 'x_acme_aihandoff.data_steward' },
  page: 'x_acme_aihandoff_handoff_dialog',
} as const;

export function source(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The shared module as the app ships it (the shared file itself: vendor-shared.mjs). */
export function vendoredModule(): string {
  return vendoredText();
}
