
/*
 * STAND-IN, appended by the app's build (scripts/vendor-shared.mjs) only while
 * connectors/servicenow/shared/scope-review.js does not export requestRow and
 * reviewRow itself (they land with the contract-2 change to the shared
 * module). Same signatures and behaviour: the column values of a new request
 * or review row (docs/contract.md), built from the panel the dialog showed,
 * each argument checked by the module's own buildRequest / buildReview.
 */
(function (review) {
  'use strict';
  if (typeof review.requestRow === 'function' && typeof review.reviewRow === 'function') return;

  function panelOf(panel) {
    var parsed = typeof panel === 'string' ? JSON.parse(panel) : panel;
    if (parsed === null || typeof parsed !== 'object' || !parsed.ticket || typeof parsed.ticket.sysId !== 'string') throw new Error('panel is not an AI panel with a ticket');
    return parsed;
  }

  function find(list, id) {
    for (var i = 0; i < (list || []).length; i++) if (list[i] && list[i].id === id) return list[i];
    return null;
  }

  review.requestRow = function (panel, ticketTable, operationId, note) {
    var p = panelOf(panel);
    var op = find(p.operations, operationId);
    if (op === null) throw new Error('operation must be the id of an operation in the panel');
    var request = JSON.parse(review.buildRequest(operationId, op.scopeDigest, note));
    return { ticket_table: String(ticketTable), ticket: p.ticket.sysId, operation: request.operation, scope_digest: request.scope, note: request.note };
  };

  review.reviewRow = function (panel, ticketTable, handoffId, decision, comment) {
    var p = panelOf(panel);
    if (find(p.handoffs, handoffId) === null) throw new Error('handoff must be a hand-off id from the panel');
    var decided = JSON.parse(review.buildReview(handoffId, decision, comment));
    return { ticket_table: String(ticketTable), ticket: p.ticket.sysId, handoff: decided.handoff, decision: decided.decision, comment: decided.comment };
  };

  if (typeof module === 'object' && module !== null && module.exports) {
    module.exports.requestRow = review.requestRow;
    module.exports.reviewRow = review.reviewRow;
  }
})(AiHandoffScopeReview);
