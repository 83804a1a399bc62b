/**
 * People and groups of the sandbox cast (docs/sandbox.md, "The cast"), with fixed
 * sys_ids, as the app's scripts and the shared dialog module see them.
 */
import type { ScopeReviewUser } from '../../../connectors/servicenow/shared/scope-review.js';

export const GROUPS = {
  networkOperations: '1a0e0c5e2f6b4a3c9d8e7f6a5b4c3d2e',
  accessManagement: '2b1f1d6f3a7c5b4d0e9f8a7b6c5d4e3f',
  securityOperations: '3c2a2e7a4b8d6c5e1f0a9b8c7d6e5f4a',
} as const;

function person(sysId: string, userName: string, roles: string[], groups: string[] = []): ScopeReviewUser {
  return { sysId, userName, roles, groups };
}

export const CAST = {
  alex: person('a1e7c0de0000400080000000000a1e70', 'alex.rivera', ['itil', 'x_acme_aihandoff.agent']),
  irene: person('1e7e0000000040008000000000001e7e', 'irene.costa', ['itil', 'x_acme_aihandoff.reviewer'], [GROUPS.networkOperations]),
  morgan: person('0a6e0000000040008000000000000a6e', 'morgan.lee', ['itil', 'x_acme_aihandoff.reviewer']),
  nora: person('0e0a0000000040008000000000000e0a', 'nora.brandt', ['itil', 'x_acme_aihandoff.agent'], [GROUPS.accessManagement]),
  samira: person('5a0100000000400080000000000005a0', 'samira.haddad', ['itil', 'x_acme_aihandoff.reviewer'], [GROUPS.securityOperations]),
  priya: person('9e1a0000000040008000000000009e1a', 'priya.nair', ['itil']),
  admin: person('6816f79cc0a8016401c5a33be04be441', 'admin', ['admin']),
  integration: person('5ec0000000004000800000000005ec00', 'svc.aihandoff', ['x_acme_aihandoff.integration']),
} as const;
