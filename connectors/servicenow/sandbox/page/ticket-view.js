/* Renders a ticket: its fields, its journal, the AI panel summary and the hand-offs. Text only. */
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
    return ['sys_id', 'number', 'short_description', 'description', 'sys_mod_count', 'work_notes', ai.panel, ai.status, ...fieldsFor(table, ai).map(([f]) => f)].join(',');
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

  const HEADER = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) - (.+) \((Work notes|Additional comments)\)$/;

  /** Splits the journal's display value (newest first, each entry headed "<date> - <name> (Work notes)"). */
  function journalEntries(text) {
    const entries = [];
    let current = null;
    for (const line of (text || '').split('\n')) {
      const m = HEADER.exec(line);
      if (m) {
        current = { at: m[1], by: m[2], lines: [] };
        entries.push(current);
      } else if (current) {
        current.lines.push(line);
      }
    }
    return entries.map((e) => ({ at: e.at, by: e.by, text: e.lines.join('\n').replace(/\n+$/, '') }));
  }

  function renderJournal(record) {
    const list = document.getElementById('work-notes');
    const entries = journalEntries(shown(record.work_notes));
    list.replaceChildren(
      ...entries.map((e) =>
        el('li', { class: 'journal-entry' }, [
          el('p', { class: 'journal-head' }, [el('strong', { class: 'journal-author', text: e.by }), ` ${e.at}`]),
          el('p', { class: 'journal-text pre', text: e.text }),
        ]),
      ),
    );
    if (entries.length === 0) list.append(el('li', { class: 'empty', text: 'No work notes yet.' }));
  }

  /** The panel summary beside the fields: each operation, its outcome, approval, and reasons. */
  function renderPanel(review, panel) {
    const notice = document.getElementById('ai-notice');
    notice.replaceChildren();
    if (review.notice) notice.append(noticeBox(review.notice, 'ai-notice-text'));
    const ops = document.getElementById('ai-operations');
    ops.replaceChildren(
      ...review.operations.map((op) =>
        el('li', { class: `op op-${op.outcome}`, dataset: { operation: op.id, outcome: op.outcome } }, [
          el('span', { class: 'op-title', text: op.title }),
          el('span', { class: 'badge', text: op.outcome }),
          el('p', { class: 'op-approval', text: op.approvalText }),
          ...op.reasons.map((r) => el('p', { class: 'reason', text: `${r.message} Remedy: ${r.remedy}` })),
        ]),
      ),
    );
    const body = document.querySelector('#handoffs tbody');
    const handoffs = panel && Array.isArray(panel.handoffs) ? panel.handoffs : [];
    body.replaceChildren(
      ...handoffs.map((h) =>
        el('tr', { id: `handoff-${h.id}`, dataset: { handoff: h.id, status: h.status } }, [
          el('td', { text: h.operation }),
          el('td', { class: 'handoff-status', text: h.status }),
          el('td', { text: h.approval && h.approval.required ? `required: ${(h.approval.approver && (h.approval.approver.name || h.approval.approver.id)) || 'unresolved'}` : 'not required' }),
          el('td', { text: h.updatedAt }),
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

  return { requestedFields, renderFields, renderJournal, renderPanel, noticeBox, raw, shown, journalEntries };
})();
