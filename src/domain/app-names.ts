/**
 * The names the installed ServiceNow app gives its parts, all derived from
 * one scope (docs/contract.md, "Names"). The scope is a build parameter of
 * the app; the worker learns it from the runtime config (`app.scope`, env
 * SN_APP_SCOPE) and the sandbox from its `appScope` option, both defaulting
 * to DEFAULT_APP_SCOPE, so nothing else spells these names.
 */
import { z } from 'zod';

/**
 * The shipped default: `x_<company code>_<app id>`, `acme` standing for the
 * instance's company code (docs/servicenow-app.md, "Scope and names").
 */
export const DEFAULT_APP_SCOPE = 'x_acme_aihandoff';

/**
 * The ServiceNow SDK accepts `^(x|sn)_[a-z0-9_]+$` of at most 18 characters
 * (docs/servicenow-app.md); the same rule here, so a bad scope fails at start.
 */
export const AppScope = z
  .string()
  .regex(/^(?:x|sn)_[a-z0-9_]+$/, 'use a ServiceNow application scope such as x_acme_aihandoff (x_<company code>_<app id>)')
  .max(18, 'a ServiceNow application scope has at most 18 characters');

export interface AppNames {
  readonly scope: string;
  /** The app's own tables. */
  readonly tables: { readonly request: string; readonly review: string; readonly checkpoint: string };
  /** The columns the app adds to each ticket table. */
  readonly fields: { readonly panel: string; readonly status: string; readonly dataClass: string };
  readonly roles: { readonly agent: string; readonly reviewer: string; readonly integration: string; readonly dataSteward: string };
  /** Base path of the app's Scripted REST API, e.g. /api/x_acme_aihandoff/v1. */
  readonly apiBase: string;
  /** System properties the doorbell reads. */
  readonly properties: { readonly doorbellUrl: string; readonly doorbellToken: string };
}

export function appNames(scope: string = DEFAULT_APP_SCOPE): AppNames {
  const s = AppScope.parse(scope);
  return Object.freeze({
    scope: s,
    tables: Object.freeze({ request: `${s}_request`, review: `${s}_review`, checkpoint: `${s}_checkpoint` }),
    fields: Object.freeze({ panel: `${s}_panel`, status: `${s}_status`, dataClass: `${s}_data_classification` }),
    roles: Object.freeze({ agent: `${s}.agent`, reviewer: `${s}.reviewer`, integration: `${s}.integration`, dataSteward: `${s}.data_steward` }),
    apiBase: `/api/${s}/v1`,
    properties: Object.freeze({ doorbellUrl: `${s}.doorbell_url`, doorbellToken: `${s}.doorbell_token` }),
  });
}
