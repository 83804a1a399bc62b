/*
 * The ticket page: loads the record as the signed-in user, renders it, and
 * polls it every second so the AI panel, status and work notes update as the
 * worker writes. Assign To AI Operation and the review buttons show by the
 * ServiceNow app's own conditions (the shared module's showsAssign and
 * reviewableHandoffs, which its canAssign and canReview call).
 */
'use strict';

(async function () {
  const { session, appFields, api, errorText, renderSwitcher } = window.Sandbox;
  const View = window.TicketView;
  const Actions = window.TicketActions;
  const PREFIXES = [['RITM', 'sc_req_item'], ['ENHC', 'rm_enhancement'], ['INC', 'incident'], ['REQ', 'sc_request'], ['SIR', 'sn_si_incident']];
  const POLL_MS = 1000;

  const number = decodeURIComponent(location.pathname.split('/').pop() || '');
  const table = (PREFIXES.find(([prefix]) => number.startsWith(prefix)) || [])[1];
  const status = document.getElementById('page-status');
  const say = (text, isError) => {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  };
  if (!window.AiHandoffScopeReview) {
    say('The scope-review module did not load, so no AI operation can be shown.', true);
    document.getElementById('assign-ai').hidden = true;
    return;
  }

  const current = await session();
  await renderSwitcher(document.getElementById('user-switcher'), current);
  if (!current || !table) {
    say(current ? `No ticket table for ${number}.` : 'Choose a person in the user switcher to open this ticket as them.', !!current);
    document.getElementById('assign-ai').hidden = true;
    return;
  }

  const ai = await appFields();
  const people = await fetch('/sandbox/people', { headers: { accept: 'application/json' } }).then((r) => (r.status === 200 ? r.json() : { result: [] }));
  const names = Object.fromEntries(people.result.map((p) => [p.userName, p.name]));
  const state = { session: current, user: current.user, ai, table, sysId: null, panelText: '', review: { operations: [], notice: null }, modCount: null };
  const getState = () => state;
  Actions.wireDialog(getState, say);

  /** Rows of a table as this user may read them (a list the ACL denies is simply empty). */
  async function rows(tableName, query, fields, limit) {
    const params = new URLSearchParams({ sysparm_query: query, sysparm_fields: fields, sysparm_limit: String(limit), sysparm_exclude_reference_link: 'true' });
    const answer = await api(current, 'GET', `/api/now/table/${tableName}?${params}`);
    return answer.status === 200 ? answer.json.result : [];
  }

  /** Operation and hand-off ids to the operation's title, from the panel (the rows list names them in words). */
  function titlesOf(panelText) {
    const titles = {};
    for (const op of state.review.operations) titles[op.id] = op.title;
    for (const h of window.AiHandoffScopeReview.handoffRows(panelText)) titles[h.id] = h.title;
    return titles;
  }

  /** Every hand-off in a phrase, beside the status field (which follows the latest): "1 awaiting your review, 1 accepted". */
  function summaryText(panelText) {
    const summary = window.AiHandoffScopeReview.statusSummary(panelText, current.user);
    return summary === '' ? '' : `(hand-offs: ${summary})`;
  }

  async function load() {
    const params = new URLSearchParams({
      sysparm_query: `number=${number}`,
      sysparm_fields: View.requestedFields(table, ai),
      sysparm_display_value: 'all',
      sysparm_exclude_reference_link: 'true',
      sysparm_limit: '1',
    });
    const answer = await api(current, 'GET', `/api/now/table/${table}?${params}`);
    if (answer.status !== 200) {
      say(`Cannot read ${number}: ${errorText(answer)}`, true);
      return false;
    }
    const record = answer.json.result[0];
    if (!record) {
      say(`${number} does not exist or you may not read it.`, true);
      return false;
    }
    const modCount = View.raw(record.sys_mod_count);
    state.sysId = View.raw(record.sys_id);
    // The rows change without the ticket (a request created, a review refused): they are read on every poll.
    const [requests, reviews] = await Promise.all([
      rows(ai.requestTable, `ticket=${state.sysId}^ORDERBYDESCsys_created_on`, 'sys_id,operation,state,message,remedy,sys_created_by,sys_created_on', 10),
      rows(ai.reviewTable, `ticket=${state.sysId}^ORDERBYDESCsys_created_on`, 'sys_id,handoff,decision,state,message,remedy,sys_created_by,sys_created_on', 10),
    ]);
    View.renderRows(requests, reviews, titlesOf(state.panelText));
    if (modCount === state.modCount) return true;
    const panelText = View.raw(record[ai.panel]);
    const panelChanged = state.modCount !== null && panelText !== state.panelText;
    state.modCount = modCount;
    state.panelText = panelText;
    state.review = window.AiHandoffScopeReview.buildScopeReview(panelText, current.user);
    View.renderFields(table, ai, record);
    document.getElementById('ai-summary').textContent = summaryText(panelText);
    const journal = await rows('sys_journal_field', `element_id=${state.sysId}^element=work_notes^ORDERBYDESCsys_created_on`, 'sys_id,value,sys_created_by,sys_created_on', 500);
    View.renderJournal(journal, names, ai.integrationUser || 'svc.aihandoff');
    View.renderPanel(state.review, panelText);
    document.getElementById('assign-ai').hidden = !window.AiHandoffScopeReview.showsAssign(panelText, current.user);
    Actions.renderReviews(getState, say);
    const dialog = document.getElementById('scope-review');
    if (dialog.open && panelChanged) Actions.renderDialog(state.review, true);
    document.body.dataset.modCount = modCount;
    return true;
  }

  if (!(await load())) return;
  const poll = async () => {
    try {
      await load();
    } catch (e) {
      say(`Refresh failed: ${e.message}`, true);
    }
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
})();
