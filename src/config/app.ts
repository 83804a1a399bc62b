/**
 * The `app` section of the runtime config: which installation of the
 * ServiceNow app the worker talks to. Its scope names the app's tables,
 * fields, roles and API (src/domain/app-names.ts). Env: SN_APP_SCOPE
 * overrides the file (src/cli/commands/worker.ts).
 */
import { z } from 'zod';
import { AppScope, DEFAULT_APP_SCOPE } from '../domain/app-names.js';

export const App = z.strictObject({
  /** The app's scope, as it was built (docs/servicenow-app.md). Default x_acme_aihandoff. */
  scope: AppScope.default(DEFAULT_APP_SCOPE),
});
export type App = z.infer<typeof App>;
