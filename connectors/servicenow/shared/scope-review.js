/*
 * AI hand-off scope review: turns the worker's AI panel (src/domain/panel.ts)
 * into what the Assign To AI Operation dialog and the review buttons show, and
 * when, and builds what those buttons create: a row of the app's request or
 * review table (requestRow, reviewRow: docs/contract.md, src/domain/app-rows.ts;
 * buildRequest and buildReview give the same as version 1's field JSON).
 *
 * One copy of this logic serves three places: the ServiceNow app's dialog (as
 * a UI script in the browser), the app's server-side checks (as a script
 * include), and the sandbox's ticket page. So it is plain ES5 with no
 * dependencies, and it defines exactly one top-level name.
 *
 * Every string it returns is plain text: render it with textContent, never as
 * HTML (the panel carries text that came from tickets and policy files).
 *
 * Nothing here is a security boundary: the worker re-checks every request and
 * review against policy and the platform's record of who set the field.
 */
var AiHandoffScopeReview = (function () {
  'use strict';

  // Same values as src/domain/*.ts; a test keeps them in step.
  var PANEL_SCHEMA_VERSION = 2;
  var SCOPE_DIGEST = /^[0-9a-f]{32}$/;
  var HANDOFF_ID = /^ho_[a-z2-7]{26}$/;
  var MAX_OPERATION_ID_LENGTH = 64;
  var MAX_NOTE_LENGTH = 1000;
  var MAX_COMMENT_LENGTH = 2000;
  var OUTCOMES = ['eligible', 'approval-bound', 'blocked'];
  var STATUSES = ['none', 'eligible', 'queued', 'running', 'awaiting_review', 'accepted', 'rejected', 'escalated', 'expired', 'blocked', 'failed'];
  var DECISIONS = ['accept', 'reject', 'escalate'];
  var NOTICE_KINDS = ['refused', 'info'];

  // The ServiceNow app's roles (docs/servicenow-app.md). On the platform an
  // admin holds every role, so the module treats `admin` the same way.
  var AGENT_ROLE = 'x_acme_aihandoff.agent';
  var REVIEWER_ROLE = 'x_acme_aihandoff.reviewer';
  var ADMIN_ROLE = 'admin';

  var CLASS_TEXT = {
    evidence_gathering: 'Evidence gathering',
    drafting_summaries: 'Drafting and summaries (review required)',
    checklist_validation: 'Checklist and validation support',
    writeback_support: 'Ticket write-back support (controlled)'
  };
  var SOURCE_TEXT = {
    ticket_fields: "This ticket's fields (number, title, description, priority, group, configuration item)",
    work_notes: "This ticket's work notes",
    related_by_ci: 'Other tickets on the same configuration item',
    related_by_caller: 'Other tickets from the same caller or requester',
    related_by_group: 'Other tickets of the same assignment group',
    ci_record: "The configuration item's record"
  };
  var OUTPUT_TEXT = {
    evidence_pack: 'Evidence pack',
    baseline_comparison: 'Comparison against the known-good baseline',
    draft: 'Draft for human review',
    approval_reminder: 'Approval reminder',
    checklist: 'Checklist',
    summary: 'Summary',
    history_note: 'History note'
  };
  var BLOCKED_TEXT = {
    routing: 'No routing or reassignment',
    failover: 'No failover or service-impacting change',
    closure: 'No closing or resolving the ticket',
    account_creation: 'No account creation',
    privilege_grant: 'No privilege or access grant',
    approval: 'No approving or marking approvals complete',
    policy_interpretation: 'No policy interpretation without human sign-off',
    portfolio_reprioritisation: 'No portfolio reprioritisation without the sponsor',
    outbound_send: 'No outbound send to vendors, customers or stakeholders',
    state_change: 'No change of ticket state',
    assignment_change: 'No change of assignment',
    priority_change: 'No change of priority'
  };
  var ROLE_TEXT = {
    incident_commander: 'incident commander',
    requester_manager: "requester's manager",
    security_owner: 'security owner',
    sponsor: 'sponsor'
  };

  var STATUS_TEXT = {
    none: 'None',
    eligible: 'Eligible',
    queued: 'Queued',
    running: 'Running',
    awaiting_review: 'Awaiting review',
    accepted: 'Accepted',
    rejected: 'Rejected',
    escalated: 'Escalated',
    expired: 'Expired',
    blocked: 'Blocked',
    failed: 'Failed'
  };
  var OUTCOME_TEXT = { eligible: 'Eligible', 'approval-bound': 'Approval needed before use', blocked: 'Blocked' };
  /**
   * How a reason reads by its operation's outcome (issue 12): a blocked
   * operation's reasons are why it is blocked, with what would change that
   * (red); an approval-bound one's say who must review it (amber); an
   * allowed one's are notes, with no remedy to follow (neutral).
   */
  var TONES = {
    eligible: { tone: 'info', remedyLabel: '' },
    'approval-bound': { tone: 'approval', remedyLabel: 'Before use: ' },
    blocked: { tone: 'blocked', remedyLabel: 'What would change it: ' }
  };
  var DEFAULT_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

  function has(map, key) { return typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key); }
  function isObject(value) { return value !== null && typeof value === 'object' && !Array.isArray(value); }
  function isText(value) { return typeof value === 'string'; }
  function isName(value) { return typeof value === 'string' && value.length > 0; }
  function oneOf(list, value) { return typeof value === 'string' && list.indexOf(value) >= 0; }

  /* ---------- reading the panel ---------- */

  function Malformed(message) { this.message = message; }
  function need(ok, path, what) { if (!ok) throw new Malformed(path + ' ' + what); }

  function checkTextList(list, path, known) {
    need(Array.isArray(list), path, 'is not a list');
    for (var i = 0; i < list.length; i++) {
      if (known) need(has(known, list[i]), path + '[' + i + ']', 'is not a value this app knows');
      else need(isName(list[i]), path + '[' + i + ']', 'is not a non-empty text');
    }
  }

  function checkParty(party, path) {
    if (party === null) return;
    need(isObject(party), path, 'is not an object or null');
    need(party.kind === 'user' || party.kind === 'group', path + '.kind', 'is not user or group');
    need(isName(party.id), path + '.id', 'is missing');
    need(party.name === undefined || isText(party.name), path + '.name', 'is not text');
  }

  function checkApproval(approval, path) {
    need(isObject(approval), path, 'is not an object');
    need(typeof approval.required === 'boolean', path + '.required', 'is not true or false');
    need(approval.role === null || has(ROLE_TEXT, approval.role), path + '.role', 'is not an approver role this app knows');
    checkParty(approval.approver, path + '.approver');
  }

  function checkOperation(op, path) {
    need(isObject(op), path, 'is not an object');
    need(isName(op.id) && op.id.length <= MAX_OPERATION_ID_LENGTH, path + '.id', 'is not an operation id');
    need(isName(op.title), path + '.title', 'is missing');
    need(has(CLASS_TEXT, op['class']), path + '.class', 'is not an execution class this app knows');
    need(oneOf(OUTCOMES, op.outcome), path + '.outcome', 'is not eligible, approval-bound or blocked');
    checkApproval(op.approval, path + '.approval');
    need(isText(op.scopeDigest) && SCOPE_DIGEST.test(op.scopeDigest), path + '.scopeDigest', 'is not a 32-character scope digest');
    checkTextList(op.sources, path + '.sources', SOURCE_TEXT);
    need(has(OUTPUT_TEXT, op.outputKind), path + '.outputKind', 'is not an output kind this app knows');
    need(isText(op.expectedOutput), path + '.expectedOutput', 'is not text');
    checkTextList(op.stopConditions, path + '.stopConditions', null);
    checkTextList(op.blockedActions, path + '.blockedActions', BLOCKED_TEXT);
    need(isText(op.boundaryText), path + '.boundaryText', 'is not text');
    need(Array.isArray(op.reasons), path + '.reasons', 'is not a list');
    for (var i = 0; i < op.reasons.length; i++) {
      var r = op.reasons[i];
      var at = path + '.reasons[' + i + ']';
      need(isObject(r), at, 'is not an object');
      need(isName(r.rule) && isName(r.message) && isName(r.remedy), at, 'needs rule, message and remedy');
    }
  }

  function checkHandoff(h, path) {
    need(isObject(h), path, 'is not an object');
    need(isName(h.id), path + '.id', 'is missing');
    need(isName(h.operation), path + '.operation', 'is missing');
    need(oneOf(STATUSES, h.status), path + '.status', 'is not a status this app knows');
    need(isName(h.requestedBy), path + '.requestedBy', 'is missing');
    checkApproval(h.approval, path + '.approval');
    need(isName(h.updatedAt), path + '.updatedAt', 'is missing');
    // Added in issue 12; a worker older than that leaves them out, and the dialogs show less.
    need(h.requesterName === undefined || isText(h.requesterName), path + '.requesterName', 'is not text');
    need(h.note === undefined || isText(h.note), path + '.note', 'is not text');
    need(h.draft === undefined || isText(h.draft), path + '.draft', 'is not text');
    var to = h.escalateTo;
    need(to === undefined || (isObject(to) && (to.kind === 'manager' || (to.kind === 'group' && isName(to.name)))), path + '.escalateTo', 'is not the manager or a named group');
  }

  function isIdOrNull(value) { return value === null || isName(value); }

  function checkPanel(panel) {
    need(isObject(panel), 'the panel', 'is not a JSON object');
    need(panel.schema === PANEL_SCHEMA_VERSION, 'schema', 'is ' + JSON.stringify(panel.schema) + ', but this app reads panel schema ' + PANEL_SCHEMA_VERSION);
    need(isObject(panel.ticket) && isName(panel.ticket.number) && isName(panel.ticket.table) && isName(panel.ticket.sysId), 'ticket', 'needs number, table and sysId');
    // A worker older than ticket.owner leaves it out: then only the requester may review a no-approval hand-off.
    var owner = panel.ticket.owner;
    need(owner === undefined || (isObject(owner) && isIdOrNull(owner.assignee) && isIdOrNull(owner.group)), 'ticket.owner', 'needs assignee and group, each an id or null');
    need(isName(panel.policyVersion), 'policyVersion', 'is missing');
    need(oneOf(OUTCOMES, panel.classification), 'classification', 'is not eligible, approval-bound or blocked');
    need(isName(panel.digest), 'digest', 'is missing');
    need(Array.isArray(panel.operations), 'operations', 'is not a list');
    var seen = {};
    for (var i = 0; i < panel.operations.length; i++) {
      checkOperation(panel.operations[i], 'operations[' + i + ']');
      need(!has(seen, panel.operations[i].id), 'operations[' + i + '].id', 'repeats an earlier operation');
      seen[panel.operations[i].id] = true;
    }
    checkTextList(panel.blockedActions, 'blockedActions', BLOCKED_TEXT);
    need(Array.isArray(panel.handoffs), 'handoffs', 'is not a list');
    for (var j = 0; j < panel.handoffs.length; j++) checkHandoff(panel.handoffs[j], 'handoffs[' + j + ']');
    if (panel.notice !== null) {
      need(isObject(panel.notice), 'notice', 'is not an object or null');
      need(oneOf(NOTICE_KINDS, panel.notice.kind), 'notice.kind', 'is not refused or info');
      need(isName(panel.notice.message) && isText(panel.notice.remedy), 'notice', 'needs message and remedy');
    }
  }

  var ASK_ADMIN = 'Ask your ServiceNow administrator to check that the AI Handoff worker is running and uses the same version as this app.';

  /** { panel } when the panel is usable, else { problem: { kind, message, remedy } }. */
  function readPanel(input) {
    var panel = input;
    if (input === undefined || input === null || (isText(input) && /^\s*$/.test(input))) {
      var remedy = 'The AI Handoff worker writes the panel when it next syncs this ticket; reload the form in a minute. ' + ASK_ADMIN;
      return { problem: { kind: 'info', message: 'This ticket has no AI panel yet, so no AI operation can be offered.', remedy: remedy } };
    }
    if (isText(input)) {
      try {
        panel = JSON.parse(input);
      } catch (_notJson) {
        return { problem: { kind: 'error', message: 'The AI panel on this ticket is not valid JSON, so no AI operation is offered.', remedy: ASK_ADMIN } };
      }
    }
    try {
      checkPanel(panel);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      return { problem: { kind: 'error', message: 'The AI panel on this ticket cannot be read (' + e.message + '), so no AI operation is offered.', remedy: ASK_ADMIN } };
    }
    return { panel: panel };
  }

  /* ---------- the user ---------- */

  function readUser(user) {
    var ok = isObject(user) && isName(user.sysId);
    return {
      known: ok,
      sysId: ok ? user.sysId : '',
      userName: ok && isText(user.userName) ? user.userName : '',
      roles: ok && Array.isArray(user.roles) ? user.roles : [],
      groups: ok && Array.isArray(user.groups) ? user.groups : [],
      managerName: ok && isName(user.managerName) ? user.managerName : ''
    };
  }

  function hasRole(user, role) {
    return user.roles.indexOf(role) >= 0 || user.roles.indexOf(ADMIN_ROLE) >= 0;
  }

  function isRequesterOf(h, user) {
    return h.requestedBy === user.sysId || (user.userName !== '' && h.requestedBy === user.userName);
  }

  /**
   * The worker's rule (src/handoff/review.ts, mayReview) within the app's roles.
   * Approval required: the resolved approver (or approver group member) with the
   * reviewer role, never the requester. None required: the requester, the
   * ticket's assignee or a member of its group, with the agent or reviewer role.
   */
  function mayReview(h, owner, user) {
    if (h.approval.required) {
      var approver = h.approval.approver;
      if (approver === null || !hasRole(user, REVIEWER_ROLE) || isRequesterOf(h, user)) return false;
      return approver.kind === 'user' ? approver.id === user.sysId : user.groups.indexOf(approver.id) >= 0;
    }
    if (!hasRole(user, AGENT_ROLE) && !hasRole(user, REVIEWER_ROLE)) return false;
    if (isRequesterOf(h, user)) return true;
    return owner !== undefined && ((owner.assignee !== null && owner.assignee === user.sysId) || (owner.group !== null && user.groups.indexOf(owner.group) >= 0));
  }

  /* ---------- texts ---------- */

  function partyText(party) {
    var name = isName(party.name) ? party.name : party.kind + ' ' + party.id;
    return party.kind === 'group' ? 'a member of ' + name : name;
  }

  function approvalText(approval) {
    var role = approval.role === null ? 'approver' : ROLE_TEXT[approval.role];
    if (!approval.required) return 'No approval needed before use.';
    if (approval.approver === null) return 'Approval required before use by the ' + role + ', but no approver could be resolved.';
    return 'Approval required before use by ' + partyText(approval.approver) + ' (' + role + ').';
  }

  /** The approver in a few words, for the compact list: a name, a group, or that none is needed. */
  function approverShort(approval) {
    if (!approval.required) return 'No approval needed';
    if (approval.approver === null) return 'No approver resolved';
    return partyText(approval.approver);
  }

  /** A blocked operation is not offered, so it says nothing about approval (it never "needs no approval"). */
  function operationApprovalText(op) {
    if (op.outcome !== 'blocked') return approvalText(op.approval);
    return 'Not available on this ticket: blocked by policy.';
  }

  function texts(list, map) {
    var out = [];
    for (var i = 0; i < list.length; i++) out.push(map[list[i]]);
    return out;
  }

  function reviewOperation(op, mayAssign) {
    var reasons = [];
    var tone = TONES[op.outcome];
    for (var i = 0; i < op.reasons.length; i++) {
      reasons.push({ message: op.reasons[i].message, remedy: tone.remedyLabel === '' ? '' : op.reasons[i].remedy, tone: tone.tone, remedyLabel: tone.remedyLabel });
    }
    var selectable = op.outcome !== 'blocked' && mayAssign;
    // The policy blocks an operation whose approver cannot be resolved; a
    // panel that says otherwise is inconsistent, so the dialog does not offer it.
    if (op.outcome !== 'blocked' && op.approval.required && op.approval.approver === null) {
      selectable = false;
      reasons.push({ message: 'Approval is required but no approver could be resolved.', remedy: 'Name an approver on the ticket (for example the assignment group manager), then wait for the panel to refresh.', tone: 'blocked', remedyLabel: TONES.blocked.remedyLabel });
    }
    var output = op.expectedOutput !== '' ? op.expectedOutput : OUTPUT_TEXT[op.outputKind];
    var sections = [
      { label: 'Execution class', items: [CLASS_TEXT[op['class']]] },
      { label: 'What the AI may read', items: texts(op.sources, SOURCE_TEXT) }
    ];
    // The read boundary in the worker's plain words (docs/boundary.md); none when the operation reads only its ticket.
    if (op.boundaryText !== '') sections.push({ label: 'Beyond this ticket', items: [op.boundaryText] });
    sections.push(
      { label: 'Expected output', items: [OUTPUT_TEXT[op.outputKind] + ': ' + output] },
      { label: 'Stop conditions', items: op.stopConditions.slice() },
      { label: 'Blocked actions', items: texts(op.blockedActions, BLOCKED_TEXT) }
    );
    return {
      id: op.id,
      title: op.title,
      outcome: op.outcome,
      outcomeText: OUTCOME_TEXT[op.outcome],
      tone: TONES[op.outcome].tone,
      approver: op.outcome === 'blocked' ? '' : approverShort(op.approval),
      selectable: selectable,
      sections: sections,
      approvalText: operationApprovalText(op),
      reasons: reasons,
      scopeDigest: op.scopeDigest
    };
  }

  /** Optional free text, trimmed; refused (never truncated) when longer than `max`. */
  function boundedText(value, field, max) {
    var text = value === undefined || value === null ? '' : value;
    if (!isText(text)) throw new Error(field + ' must be text');
    text = text.replace(/^\s+|\s+$/g, '');
    if (text.length > max) throw new Error(field + ' is ' + text.length + ' characters; shorten it to ' + max + ' or fewer');
    return text;
  }

  /* ---------- the exports ---------- */

  /**
   * The Assign To AI Operation dialog's content: every operation of the panel,
   * blocked ones included with their reasons and remedies, and one notice.
   */
  function buildScopeReview(panelInput, userInput) {
    var read = readPanel(panelInput);
    if (read.problem) return { operations: [], notice: read.problem };
    var panel = read.panel;
    var user = readUser(userInput);
    var mayAssign = user.known && hasRole(user, AGENT_ROLE);
    var operations = [];
    var anySelectable = false;
    for (var i = 0; i < panel.operations.length; i++) {
      var op = reviewOperation(panel.operations[i], mayAssign);
      anySelectable = anySelectable || op.selectable;
      operations.push(op);
    }
    var notice = null;
    if (!user.known) {
      notice = { kind: 'error', message: 'Your user could not be identified, so no AI operation can be assigned.', remedy: 'Reload the form; if this persists, ask your ServiceNow administrator.' };
    } else if (!mayAssign) {
      notice = { kind: 'info', message: 'You can see the AI operations but not assign them: that needs the ' + AGENT_ROLE + ' role.', remedy: 'Ask your ServiceNow administrator for the ' + AGENT_ROLE + ' role if you should hand work to the AI.' };
    } else if (panel.notice !== null) {
      notice = { kind: panel.notice.kind, message: panel.notice.message, remedy: panel.notice.remedy };
    } else if (operations.length === 0) {
      notice = { kind: 'info', message: 'No AI operation fits this ticket.', remedy: 'Nothing to do: the policy offers no bounded AI work for this kind of ticket.' };
    } else if (!anySelectable) {
      notice = { kind: 'info', message: 'Every AI operation is blocked on this ticket; each one says why and what would change that.', remedy: 'Follow the remedy shown under an operation, then wait for the panel to refresh.' };
    }
    return { operations: operations, notice: notice };
  }

  /** The request field's JSON: exactly {"operation","scope","note"}. Throws with the field named. */
  function buildRequest(operationId, scopeDigest, note) {
    if (!isName(operationId) || operationId.length > MAX_OPERATION_ID_LENGTH) {
      throw new Error('operation must be the id of an operation in the panel (1 to ' + MAX_OPERATION_ID_LENGTH + ' characters)');
    }
    if (!isText(scopeDigest) || !SCOPE_DIGEST.test(scopeDigest)) {
      throw new Error('scope must be the 32-character scope digest shown in the panel');
    }
    return JSON.stringify({ operation: operationId, scope: scopeDigest, note: boundedText(note, 'note', MAX_NOTE_LENGTH) });
  }

  /** The hand-offs awaiting review (or escalated) that this user may accept, reject or escalate (mayReview above). */
  function reviewableHandoffs(panelInput, userInput) {
    var read = readPanel(panelInput);
    if (read.problem) return [];
    var panel = read.panel;
    var user = readUser(userInput);
    if (!user.known) return [];
    var titles = {};
    for (var i = 0; i < panel.operations.length; i++) titles[panel.operations[i].id] = panel.operations[i].title;
    var out = [];
    for (var j = 0; j < panel.handoffs.length; j++) {
      var h = panel.handoffs[j];
      // An escalated draft waits for its escalation target, whom the worker set as the approver.
      if ((h.status !== 'awaiting_review' && h.status !== 'escalated') || !mayReview(h, panel.ticket.owner, user)) continue;
      var title = has(titles, h.operation) ? titles[h.operation] : h.operation;
      out.push({
        id: h.id,
        operation: h.operation,
        title: title,
        approvalRequired: h.approval.required,
        approvalText: approvalText(h.approval),
        status: h.status,
        statusText: STATUS_TEXT[h.status],
        updatedAt: h.updatedAt,
        requestedBy: isText(h.requesterName) && h.requesterName !== '' ? h.requesterName : h.requestedBy,
        note: isText(h.note) ? h.note : '',
        draft: isText(h.draft) ? h.draft : '',
        escalateText: escalateText(h, user)
      });
    }
    return out;
  }

  /**
   * Where Escalate sends this hand-off, said before the click (issue 12): the
   * policy's target from the panel, with the user's manager's name where the
   * host knows it (user.managerName). Without a target in the panel (an older
   * worker), the worker's default: the reviewer's manager.
   */
  function escalateText(h, user) {
    var to = h.escalateTo;
    if (isObject(to) && to.kind === 'group') return 'Escalate hands it to a member of ' + to.name + ', who then decides it.';
    var manager = user.managerName !== '' ? user.managerName + ', your manager' : 'your manager as ServiceNow records them';
    return 'Escalate hands it to ' + manager + ', who then decides it.';
  }

  /** A status in words ("Awaiting review"); the value itself when this module does not know it. */
  function statusText(status) {
    return has(STATUS_TEXT, status) ? STATUS_TEXT[status] : String(status);
  }

  function pad(n, width) {
    var text = String(n);
    while (text.length < width) text = '0' + text;
    return text;
  }

  /**
   * An ISO 8601 time in the instance's format: `format` is a ServiceNow date
   * and time format (g_user_date_time_format; default yyyy-MM-dd HH:mm:ss,
   * the instance's default), `offsetMs` the user's time zone offset from UTC
   * (g_tz_offset; default 0, the sandbox's zone). The text itself when it is
   * not a time.
   */
  function formatTime(iso, format, offsetMs) {
    var ms = isText(iso) ? Date.parse(iso) : NaN;
    if (isNaN(ms)) return isText(iso) ? iso : '';
    var d = new Date(ms + (typeof offsetMs === 'number' ? offsetMs : 0));
    var hours = d.getUTCHours();
    var parts = {
      yyyy: pad(d.getUTCFullYear(), 4),
      MM: pad(d.getUTCMonth() + 1, 2),
      dd: pad(d.getUTCDate(), 2),
      HH: pad(hours, 2),
      hh: pad(hours % 12 === 0 ? 12 : hours % 12, 2),
      mm: pad(d.getUTCMinutes(), 2),
      ss: pad(d.getUTCSeconds(), 2),
      a: hours < 12 ? 'AM' : 'PM'
    };
    var pattern = isName(format) ? format : DEFAULT_TIME_FORMAT;
    return pattern.replace(/yyyy|MM|dd|HH|hh|mm|ss|a/g, function (token) { return parts[token]; });
  }

  /**
   * Every hand-off of the panel as the page lists it: the operation's title,
   * the status in words, who approves, the time in the instance's format.
   */
  function handoffRows(panelInput, timeFormat, offsetMs) {
    var read = readPanel(panelInput);
    if (read.problem) return [];
    var titles = {};
    for (var i = 0; i < read.panel.operations.length; i++) titles[read.panel.operations[i].id] = read.panel.operations[i].title;
    var out = [];
    for (var j = 0; j < read.panel.handoffs.length; j++) {
      var h = read.panel.handoffs[j];
      out.push({
        id: h.id,
        operation: h.operation,
        title: has(titles, h.operation) ? titles[h.operation] : h.operation,
        status: h.status,
        statusText: STATUS_TEXT[h.status],
        approver: approverShort(h.approval),
        updated: formatTime(h.updatedAt, timeFormat, offsetMs)
      });
    }
    return out;
  }

  /**
   * The AI status over every hand-off, not only the latest (issue 12):
   * "1 awaiting your review, 1 accepted". Hand-offs this user may decide
   * count as "awaiting your review"; the rest by status, in the order of a
   * hand-off's life. Empty when the panel lists none.
   */
  function statusSummary(panelInput, userInput) {
    var read = readPanel(panelInput);
    if (read.problem) return '';
    var mine = {};
    var reviewable = reviewableHandoffs(panelInput, userInput);
    for (var i = 0; i < reviewable.length; i++) mine[reviewable[i].id] = true;
    var counts = {};
    var yours = 0;
    for (var j = 0; j < read.panel.handoffs.length; j++) {
      var h = read.panel.handoffs[j];
      if (has(mine, h.id)) yours += 1;
      else counts[h.status] = (counts[h.status] || 0) + 1;
    }
    var parts = yours > 0 ? [yours + ' awaiting your review'] : [];
    for (var k = 0; k < STATUSES.length; k++) {
      if (counts[STATUSES[k]]) parts.push(counts[STATUSES[k]] + ' ' + STATUS_TEXT[STATUSES[k]].toLowerCase());
    }
    return parts.join(', ');
  }

  /** Whether Assign To AI Operation shows: the agent role and any operation, blocked ones too (the dialog says why). */
  function showsAssign(panelInput, userInput) {
    var user = readUser(userInput);
    if (!user.known || !hasRole(user, AGENT_ROLE)) return false;
    var read = readPanel(panelInput);
    return !read.problem && read.panel.operations.length > 0;
  }

  /** The review field's JSON: exactly {"handoff","decision","comment"}. Throws with the field named. */
  function buildReview(handoffId, decision, comment) {
    if (!isText(handoffId) || !HANDOFF_ID.test(handoffId)) {
      throw new Error('handoff must be a hand-off id from the panel (ho_ and 26 letters or digits)');
    }
    if (!oneOf(DECISIONS, decision)) throw new Error('decision must be accept, reject or escalate');
    return JSON.stringify({ handoff: handoffId, decision: decision, comment: boundedText(comment, 'comment', MAX_COMMENT_LENGTH) });
  }

  var TABLE_NAME = /^[a-z][a-z0-9_]*$/;

  function panelForRow(panelInput, ticketTable) {
    var read = readPanel(panelInput);
    if (read.problem) throw new Error('the AI panel cannot be read: ' + read.problem.message);
    if (!isText(ticketTable) || !TABLE_NAME.test(ticketTable)) throw new Error('ticketTable must be the ticket\'s table name, such as incident');
    if (read.panel.ticket.table !== ticketTable) throw new Error('ticketTable is ' + ticketTable + ' but the panel is for a ' + read.panel.ticket.table + ' ticket');
    return read.panel;
  }

  /**
   * The columns of a request row (the app's request table) for Confirm: the
   * ticket, the operation and the scope digest the dialog showed (from the
   * panel), and the note. Throws an Error naming what is wrong; the app's
   * before-insert rule and the worker check everything again.
   */
  function requestRow(panelInput, ticketTable, operationId, note) {
    var panel = panelForRow(panelInput, ticketTable);
    var op = null;
    for (var i = 0; i < panel.operations.length; i++) if (panel.operations[i].id === operationId) op = panel.operations[i];
    if (op === null) throw new Error('operation must be the id of an operation in the panel');
    if (op.outcome === 'blocked') throw new Error(op.title + ' is blocked on this ticket; the panel says why');
    return { ticket_table: ticketTable, ticket: panel.ticket.sysId, operation: op.id, scope_digest: op.scopeDigest, note: boundedText(note, 'note', MAX_NOTE_LENGTH) };
  }

  /** The columns of a review row (the app's review table) for Accept, Reject or Escalate. Throws an Error naming what is wrong. */
  function reviewRow(panelInput, ticketTable, handoffId, decision, comment) {
    var panel = panelForRow(panelInput, ticketTable);
    if (!isText(handoffId) || !HANDOFF_ID.test(handoffId)) throw new Error('handoff must be a hand-off id from the panel (ho_ and 26 letters or digits)');
    var listed = false;
    for (var i = 0; i < panel.handoffs.length; i++) if (panel.handoffs[i].id === handoffId) listed = true;
    if (!listed) throw new Error('handoff ' + handoffId + ' is not in the panel');
    if (!oneOf(DECISIONS, decision)) throw new Error('decision must be accept, reject or escalate');
    return { ticket_table: ticketTable, ticket: panel.ticket.sysId, handoff: handoffId, decision: decision, comment: boundedText(comment, 'comment', MAX_COMMENT_LENGTH) };
  }

  return {
    requestRow: requestRow,
    reviewRow: reviewRow,
    buildScopeReview: buildScopeReview,
    buildRequest: buildRequest,
    reviewableHandoffs: reviewableHandoffs,
    buildReview: buildReview,
    showsAssign: showsAssign,
    statusSummary: statusSummary,
    statusText: statusText,
    formatTime: formatTime,
    handoffRows: handoffRows
  };
})();

// A browser <script> already defines the global through the `var` above; say
// it explicitly for hosts that wrap scripts in a function.
if (typeof window !== 'undefined') window.AiHandoffScopeReview = AiHandoffScopeReview;
// CommonJS (Node tests, the sandbox). Assigned one by one so that Node's ESM
// loader also sees them as named exports.
if (typeof module === 'object' && module !== null && module.exports) {
  module.exports.buildScopeReview = AiHandoffScopeReview.buildScopeReview;
  module.exports.buildRequest = AiHandoffScopeReview.buildRequest;
  module.exports.reviewableHandoffs = AiHandoffScopeReview.reviewableHandoffs;
  module.exports.buildReview = AiHandoffScopeReview.buildReview;
  module.exports.showsAssign = AiHandoffScopeReview.showsAssign;
  module.exports.requestRow = AiHandoffScopeReview.requestRow;
  module.exports.reviewRow = AiHandoffScopeReview.reviewRow;
  module.exports.statusSummary = AiHandoffScopeReview.statusSummary;
  module.exports.statusText = AiHandoffScopeReview.statusText;
  module.exports.formatTime = AiHandoffScopeReview.formatTime;
  module.exports.handoffRows = AiHandoffScopeReview.handoffRows;
}
