/**
 * Builds an operation's scope on a ticket and its digest. The digest is the
 * domain's `scopeDigest` (SHA-256 of canonical JSON, 128 bits), computed from
 * JSON the compiler pre-assembled: only the approval and the ticket reference
 * are serialised per decision. A test checks it equals `scopeDigest(scope)`.
 */
import type { ApprovalNeed } from '../domain/decision.js';
import { scopeOf, type Scope } from '../domain/scope.js';
import type { Party } from '../domain/ticket.js';
import { DIGEST_HEX_LENGTH, sha256Hex } from '../util/canonical-json.js';
import type { CompiledOperation } from './compile.js';
import type { Facts } from './facts.js';

export function buildScope(facts: Facts, cop: CompiledOperation, approval: ApprovalNeed, policyVersion: string): Scope {
  return scopeOf({ ...cop.op, boundary: facts.ctx.boundary(facts.dataClassIndex).boundary }, facts.ref, approval, policyVersion);
}

function partyJson(party: Party): string {
  const j = JSON.stringify;
  return party.name === undefined
    ? `{"id":${j(party.id)},"kind":${j(party.kind)}}`
    : `{"id":${j(party.id)},"kind":${j(party.kind)},"name":${j(party.name)}}`;
}

/** Canonical JSON of an approval need (keys sorted: approver, required, role). */
export function approvalJson(approval: ApprovalNeed): string {
  return (
    `{"approver":${approval.approver === null ? 'null' : partyJson(approval.approver)},` +
    `"required":${approval.required},"role":${approval.role === null ? 'null' : JSON.stringify(approval.role)}}`
  );
}

/** The scope's digest, equal to `scopeDigest(buildScope(...))`; `approvalJson` is the approval's canonical JSON. */
export function fastScopeDigest(facts: Facts, cop: CompiledOperation, approvalJson: string): string {
  const boundary = facts.ctx.boundary(facts.dataClassIndex).json;
  const json =
    approvalJson === cop.noApproverJson
      ? `${cop.scopeHead}${boundary},${cop.scopeMiddle},"ticket":${facts.refJson}}`
      : `{"approval":${approvalJson},"boundary":${boundary},${cop.scopeMiddle},"ticket":${facts.refJson}}`;
  return sha256Hex(json).slice(0, DIGEST_HEX_LENGTH);
}
