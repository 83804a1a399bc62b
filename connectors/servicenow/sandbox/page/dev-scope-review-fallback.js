/*
 * DEVELOPMENT FALLBACK - NOT THE RENDERER.
 *
 * The ticket page renders the Assign To AI Operation dialog from the shared
 * module connectors/servicenow/shared/scope-review.js, which the ServiceNow
 * app ships (branch `app`). The sandbox serves that module whenever it exists
 * in the tree, and serves this file only while it does not, so the page can
 * be developed and tested before `app` merges. The page shows a banner while
 * this file is in use. Delete this file once the shared module is on main.
 *
 * It implements the shared module's API (buildScopeReview, buildRequest,
 * reviewableHandoffs, buildReview) minimally: plain ES5, no dependencies.
 */
var AiHandoffScopeReview = (function () {
  'use strict';

  function hasRole(user, role) {
    return !!user && Array.isArray(user.roles) && (user.roles.indexOf(role) >= 0 || user.roles.indexOf('admin') >= 0);
  }

  function parse(panel) {
    if (typeof panel !== 'string') return panel && typeof panel === 'object' ? panel : null;
    if (panel.replace(/\s+/g, '') === '') return null;
    try {
      return JSON.parse(panel);
    } catch (e) {
      return null;
    }
  }

  function approvalText(approval) {
    if (!approval || !approval.required) return 'No approval needed before use.';
    var who = approval.approver ? approval.approver.name || approval.approver.id : 'nobody resolved';
    return 'Approval required before use by ' + who + ' (' + String(approval.role).replace(/_/g, ' ') + ').';
  }

  function buildScopeReview(panelInput, user) {
    var panel = parse(panelInput);
    if (!panel || !Array.isArray(panel.operations)) {
      return { operations: [], notice: { kind: 'info', message: 'This ticket has no AI panel yet, so no AI operation can be offered.', remedy: 'Wait for the worker to sync this ticket.' } };
    }
    var agent = hasRole(user, 'x_aih.agent');
    var ops = [];
    for (var i = 0; i < panel.operations.length; i++) {
      var op = panel.operations[i];
      var reasons = [];
      for (var j = 0; j < (op.reasons || []).length; j++) reasons.push({ message: op.reasons[j].message, remedy: op.reasons[j].remedy });
      ops.push({
        id: op.id,
        title: op.title,
        outcome: op.outcome,
        selectable: op.outcome !== 'blocked' && agent,
        sections: [
          { label: 'What the AI may read', items: (op.sources || []).slice() },
          { label: 'Expected output', items: [op.expectedOutput] },
          { label: 'Stop conditions', items: (op.stopConditions || []).slice() },
          { label: 'Blocked actions', items: (op.blockedActions || []).slice() }
        ],
        approvalText: approvalText(op.approval),
        reasons: reasons,
        scopeDigest: op.scopeDigest
      });
    }
    var notice = panel.notice ? { kind: panel.notice.kind, message: panel.notice.message, remedy: panel.notice.remedy } : null;
    if (!agent) notice = { kind: 'info', message: 'You can see the AI operations but not assign them: that needs the x_aih.agent role.', remedy: 'Ask an administrator for the role.' };
    return { operations: ops, notice: notice };
  }

  function buildRequest(operationId, scopeDigest, note) {
    if (typeof operationId !== 'string' || operationId === '') throw new Error('operation is required');
    if (!/^[0-9a-f]{32}$/.test(String(scopeDigest))) throw new Error('scope must be the 32-character scope digest');
    return JSON.stringify({ operation: operationId, scope: scopeDigest, note: String(note || '').replace(/^\s+|\s+$/g, '') });
  }

  function reviewableHandoffs(panelInput, user) {
    var panel = parse(panelInput);
    if (!panel || !Array.isArray(panel.handoffs) || !hasRole(user, 'x_aih.reviewer')) return [];
    var out = [];
    for (var i = 0; i < panel.handoffs.length; i++) {
      var h = panel.handoffs[i];
      var a = h.approval && h.approval.approver;
      if (h.status !== 'awaiting_review' || !a) continue;
      var mine = a.kind === 'user' ? a.id === user.sysId : (user.groups || []).indexOf(a.id) >= 0;
      if (!mine || h.requestedBy === user.sysId || h.requestedBy === user.userName) continue;
      out.push({ id: h.id, operation: h.operation, title: h.operation, approvalText: approvalText(h.approval) });
    }
    return out;
  }

  function buildReview(handoffId, decision, comment) {
    if (!/^ho_[a-z2-7]{26}$/.test(String(handoffId))) throw new Error('handoff must be a hand-off id');
    if (['accept', 'reject', 'escalate'].indexOf(decision) < 0) throw new Error('decision must be accept, reject or escalate');
    return JSON.stringify({ handoff: handoffId, decision: decision, comment: String(comment || '').replace(/^\s+|\s+$/g, '') });
  }

  return { buildScopeReview: buildScopeReview, buildRequest: buildRequest, reviewableHandoffs: reviewableHandoffs, buildReview: buildReview };
})();
if (typeof window !== 'undefined') window.AiHandoffScopeReview = AiHandoffScopeReview;
if (typeof window !== 'undefined') window.AiHandoffScopeReviewIsDevFallback = true;
