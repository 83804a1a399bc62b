/*
 * Renders a ticket: its fields, its journal (one entry per sys_journal_field
 * row, never by splitting text: a header-shaped line inside a note stays in
 * that note), the AI panel summary, the hand-offs, and the requests and
 * reviews made on it (rows of the app's tables) with a refusal's message and
 * remedy. Text only.
 */
'use strict';

window.TicketView = (function () {
  const { el } = window.Sandbox;

  const COMMON = [
    ['state', 'State'], ['priority', 'Priority'], ['impact', 'Impact'], ['urgency', 'Urgency'],
    ['assignment_group', 'Assignment group'], ['assigned_to', 'Assigned to'], ['cmdb_ci', 'Configuration item'],
    ['opened_by', 'Opened by'], ['opened_at', 'Opened'], ['sys_updated_on', 'Updated'],
  ];
  const BY_TABLE = {
    incident: [['caller_id', 'Caller'], ['category', 'Category']],
    sc_request: [['requested_for', 'Requested for'], ['request_state', 'Request state'], ['approval', 'Approval']],
    sc_req_item: [['requested_for', 'Requested for'], ['request', 'Request'], ['cat_item', 'Item'], ['approval', 'Approval'], ['stage', 'Stage']],
    sn_si_incident: [['affected_user', 'Affected user'], ['risk_score', 'Risk score']],
    rm_enhancement: [['product', 'Product'], ['release', 'Release']],
  };

  function fieldsFor(table, ai) {
    return [...(BY_TABLE[table] || []), ...COMMON, [ai.dataClass, 'Data classification']];
  }

  /** The field names to ask for, raw and display (sysparm_display_value=all). */
  function requestedFields(table, ai) {
    return ['sys_id', 'number', 'short_description', 'description', 'sys_mod_count', ai.panel, ai.status, ...fieldsFor(table, ai).map(([f]) => f)].join(',');
  }

  const shown = (v) => (v && typeof v === 'object' ? v.display_value : v) || '';
  const raw = (v) => (v && typeof v === 'object' ? v.value : v) || '';

  function renderFields(table, ai, record) {
    document.getElementById('ticket-number').textContent = raw(record.number);
    document.getElementById('ticket-title').textContent = shown(record.short_description);
    document.title = `${raw(record.number)} ${shown(record.short_description)} - ServiceNow sandbox`;
    document.getElementById('ticket-description').textContent = shown(record.description);
    const list = document.getElementById('ticket-fields');
    list.replaceChildren();
    for (const [field, label] of fieldsFor(table, ai)) {
      const id = field === ai.dataClass ? 'field-data-classification' : `field-${field}`;
      list.append(el('div', { class: 'field', id, dataset: { value: raw(record[field]) } }, [el('dt', { text: label }), el('dd', { text: shown(record[field]) || '-' })]));
    }
    document.getElementById('ai-status').textContent = shown(record[ai.status]) || 'None';
    document.getElementById('ai-status').dataset.value = raw(record[ai.status]);
  }

  /**
   * The work notes, newest first, one entry per journal row: `rows` are
   * sys_journal_field records (value, sys_created_by, sys_created_on) and
   * `names` maps a user_name to the person's name.
   */
  function renderJournal(rows, names, integrationUser) {
    const list = document.getElementById('work-notes');
    const anchored = new Set();
    // The draft's own note (by the integration user, with the hand-off's marker) is where "Open the full note" goes.
    const anchor = (r) => {
      const marker = r.sys_created_by === integrationUser ? /\[ai-handoff:(ho_[a-z2-7]{26})\]/.exec(r.value || '') : null;
      if (!marker || anchored.has(marker[1])) return undefined;
      anchored.add(marker[1]);
      return `note-${marker[1]}`;
    };
    list.replaceChildren(
      ...rows.map((r) =>
        el('li', { class: 'journal-entry', id: anchor(r), dataset: { sysId: r.sys_id || '' } }, [
          el('p', { class: 'journal-head' }, [el('strong', { class: 'journal-author', text: names[r.sys_created_by] || r.sys_created_by }), ` ${r.sys_created_on}`]),
          el('p', { class: 'journal-text pre', text: r.value }),
        ]),
      ),
    );
    if (rows.length === 0) list.append(el('li', { class: 'empty', text: 'No work notes yet.' }));
  }

  const ROW_WORDS = { pending: 'waiting for the AI worker', queued: 'taken', recorded: 'recorded', refused: 'refused' };

  /**
   * The requests and reviews made on this ticket (the app's rows the user may
   * read), newest first, each with its state and, when refused, why; `titles`
   * maps operation ids and hand-off ids to the operation's title.
   */
  function renderRows(requests, reviews, titles) {
    const list = document.getElementById('ai-rows');
    const title = (id) => titles[id] || id;
    const DECIDED = { accept: 'Accept', reject: 'Reject', escalate: 'Escalate' };
    const all = [
      ...requests.map((r) => ({ kind: 'request', what: `Request: ${title(r.operation)}`, row: r })),
      ...reviews.map((r) => ({ kind: 'review', what: `Review: ${DECIDED[r.decision] || r.decision}, ${titles[r.handoff] || `hand-off ${r.handoff}`}`, row: r })),
    ].sort((a, b) => (a.row.sys_created_on < b.row.sys_created_on ? 1 : a.row.sys_created_on > b.row.sys_created_on ? -1 : 0));
    list.replaceChildren(
      ...all.map(({ kind, what, row }) =>
        el('li', { class: `ai-row row-${row.state}`, id: `row-${row.sys_id}`, dataset: { kind, state: row.state } }, [
          el('p', { class: 'row-head' }, [el('strong', { text: what }), ` by ${row.sys_created_by} at ${row.sys_created_on}: `, el('span', { class: 'row-state', text: ROW_WORDS[row.state] || row.state })]),
          row.state === 'refused' ? el('p', { class: 'row-message', text: row.message }) : null,
          row.state === 'refused' && row.remedy ? el('p', { class: 'row-remedy remedy', text: `Remedy: ${row.remedy}` }) : null,
        ]),
      ),
    );
    document.getElementById('ai-rows-section').hidden = all.length === 0;
  }

  /** The panel summary beside the fields: each operation, its outcome and approver in words, and its reasons styled by outcome. */
  function renderPanel(review, panelText) {
    const module = window.AiHandoffScopeReview;
    const notice = document.getElementById('ai-notice');
    notice.replaceChildren();
    if (review.notice) notice.append(noticeBox(review.notice, 'ai-notice-text'));
    const ops = document.getElementById('ai-operations');
    ops.replaceChildren(
      ...review.operations.map((op) =>
        el('li', { class: `op op-${op.outcome}`, dataset: { operation: op.id, outcome: op.outcome } }, [
          el('span', { class: 'op-title', text: op.title }),
          el('span', { class: 'badge', text: op.outcomeText }),
          el('p', { class: 'op-approval', text: op.approvalText }),
          ...op.reasons.map((r) => el('p', { class: `reason reason-${r.tone}` }, [r.message, r.remedy ? el('span', { class: 'remedy', text: ` ${r.remedyLabel}${r.remedy}` }) : null])),
        ]),
      ),
    );
    // Titles, statuses in words and times in the instance's format (issue 12), from the shared module.
    const body = document.querySelector('#handoffs tbody');
    const handoffs = module.handoffRows(panelText);
    body.replaceChildren(
      ...handoffs.map((h) =>
        el('tr', { id: `handoff-${h.id}`, dataset: { handoff: h.id, status: h.status } }, [
          el('td', { text: h.title }),
          el('td', { class: 'handoff-status', text: h.statusText }),
          el('td', { text: h.approver }),
          el('td', { text: h.updated }),
        ]),
      ),
    );
    if (handoffs.length === 0) body.append(el('tr', {}, [el('td', { colspan: 4, text: 'None yet.' })]));
  }

  function noticeBox(notice, id) {
    return el('div', { class: `notice notice-${notice.kind}`, id, role: notice.kind === 'info' ? 'note' : 'alert' }, [
      el('p', { text: notice.message }),
      notice.remedy ? el('p', { class: 'remedy', text: notice.remedy }) : null,
    ]);
  }

  return { requestedFields, renderFields, renderJournal, renderRows, renderPanel, noticeBox, raw, shown };
})();
