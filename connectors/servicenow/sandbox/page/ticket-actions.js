/*
 * The two things a person does on the page: Assign To AI Operation (the scope
 * review dialog, then Confirm creates a row of the app's request table) and,
 * for whoever may review a hand-off awaiting review (its approver where
 * approval is required; its requester, assignee or group where none is),
 * Accept / Reject / Escalate (which create a row of the review table). The
 * dialog and the review buttons are built only from the shared scope-review
 * module's output, and the row's columns are the module's (requestRow,
 * reviewRow): exactly what the ServiceNow app's dialog creates. A row the
 * app's rule refuses shows its message; one the worker refuses shows in the
 * rows list below the panel.
 */
'use strict';

window.TicketActions = (function () {
  const { el, api, errorText } = window.Sandbox;
  const { noticeBox } = window.TicketView;
  const module = () => window.AiHandoffScopeReview;

  /** A reason styled by its operation's outcome, with its remedy where there is one (none under an allowed operation). */
  function reasonBox(r) {
    return el('div', { class: `reason reason-${r.tone}`, role: 'note' }, [el('p', { text: r.message }), r.remedy ? el('p', { class: 'remedy', text: `${r.remedyLabel}${r.remedy}` }) : null]);
  }

  /** Shows the full scope of one operation and folds the others (the list stays compact: Confirm on the first screen). */
  function expand(id) {
    for (const li of document.querySelectorAll('#scope-operations > li')) {
      const open = li.dataset.operation === id;
      li.dataset.expanded = String(open);
      li.querySelector('.scope-op-details').hidden = !open;
      li.querySelector('.scope-op-more').setAttribute('aria-expanded', String(open));
    }
  }

  /**
   * Fills the dialog from a scope review: one compact line per operation
   * (title, outcome, approver) and the full scope of the one chosen (or
   * opened with its Scope button); keeps the chosen operation when it is still offered.
   */
  function renderDialog(review, changed) {
    const chosen = document.querySelector('#scope-operations input[name="operation"]:checked');
    const keep = chosen ? chosen.value : null;
    const notice = document.getElementById('scope-notice');
    notice.replaceChildren();
    if (changed) notice.append(noticeBox({ kind: 'info', message: 'The AI panel changed while this dialog was open; the scope below is the current one.', remedy: 'Review it again before you confirm.' }, 'scope-changed'));
    if (review.notice) notice.append(noticeBox(review.notice, 'scope-notice-text'));
    const list = document.getElementById('scope-operations');
    list.replaceChildren(
      ...review.operations.map((op) => {
        const inputId = `op-${op.id}`;
        const radio = el('input', { type: 'radio', name: 'operation', id: inputId, value: op.id, disabled: !op.selectable, checked: op.selectable && op.id === keep, 'aria-describedby': `${inputId}-details` });
        radio.addEventListener('change', () => radio.checked && expand(op.id));
        const more = el('button', { type: 'button', class: 'scope-op-more link', 'aria-controls': `${inputId}-details`, 'aria-expanded': 'false', text: 'Scope' });
        more.addEventListener('click', () => expand(op.id));
        return el('li', { class: `scope-op op-${op.outcome}`, dataset: { operation: op.id, outcome: op.outcome, selectable: String(op.selectable), expanded: 'false' } }, [
          el('div', { class: 'scope-op-head' }, [radio, el('label', { for: inputId, text: op.title }), el('span', { class: 'badge', text: op.outcomeText }), el('span', { class: 'op-approver', text: op.approver }), more]),
          el('div', { id: `${inputId}-details`, class: 'scope-op-details', hidden: true }, [
            ...op.sections.map((s) => el('div', { class: 'scope-section' }, [el('h4', { text: s.label }), el('ul', {}, s.items.map((item) => el('li', { text: item })))])),
            el('p', { class: 'op-approval', text: op.approvalText }),
            ...op.reasons.map(reasonBox),
          ]),
        ]);
      }),
    );
    if (keep !== null && review.operations.some((op) => op.id === keep && op.selectable)) expand(keep);
    document.getElementById('scope-confirm').disabled = !review.operations.some((op) => op.selectable);
  }

  /** Wires the dialog and its buttons once; `state()` returns the current ticket, user and review. */
  function wireDialog(state, say) {
    const dialog = document.getElementById('scope-review');
    const error = document.getElementById('scope-error');
    document.getElementById('assign-ai').addEventListener('click', () => {
      const s = state();
      error.textContent = '';
      document.getElementById('scope-note').value = '';
      renderDialog(s.review, false);
      dialog.showModal();
    });
    document.getElementById('scope-cancel').addEventListener('click', () => dialog.close());
    document.getElementById('scope-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const s = state();
      const chosen = document.querySelector('#scope-operations input[name="operation"]:checked');
      const op = chosen && s.review.operations.find((o) => o.id === chosen.value && o.selectable);
      if (!op) {
        error.textContent = 'Choose an operation that is not blocked.';
        return;
      }
      let row;
      try {
        row = module().requestRow(s.panelText, s.table, op.id, document.getElementById('scope-note').value);
      } catch (e) {
        error.textContent = e.message;
        return;
      }
      const answer = await api(s.session, 'POST', `/api/now/table/${s.ai.requestTable}`, row);
      if (answer.status !== 201) {
        error.textContent = `Not sent: ${errorText(answer)}`;
        return;
      }
      dialog.close();
      say(`Request sent: ${op.title}. The AI worker picks it up and writes its result to the work notes.`);
    });
  }

  /** The draft a review is about: its first lines, the rest of the excerpt on demand, and a link to the full note in the work notes. */
  function draftBlock(h) {
    if (!h.draft) return el('p', { class: 'review-draft review-draft-missing', text: 'The draft is in the work notes below.' }, []);
    const lines = h.draft.split('\n');
    const first = el('p', { class: 'review-draft-lines pre', text: lines.slice(0, 3).join('\n') });
    const rest = lines.length > 3 ? el('p', { class: 'review-draft-rest pre', hidden: true, text: lines.slice(3).join('\n') }) : null;
    const more = rest ? el('button', { type: 'button', class: 'review-draft-more link', 'aria-expanded': 'false', text: 'Show more of the draft' }) : null;
    if (more) {
      more.addEventListener('click', () => {
        rest.hidden = !rest.hidden;
        more.setAttribute('aria-expanded', String(!rest.hidden));
        more.textContent = rest.hidden ? 'Show more of the draft' : 'Show less';
      });
    }
    return el('div', { class: 'review-draft' }, [el('p', { class: 'review-draft-label', text: 'The draft' }), first, rest, more, el('a', { class: 'review-draft-link', href: `#note-${h.id}`, text: 'Open the full note' })]);
  }

  /** The review buttons for each hand-off this user may review. */
  function renderReviews(state, say) {
    const s = state();
    const items = s.session ? module().reviewableHandoffs(s.panelText, s.user) : [];
    const section = document.getElementById('reviews');
    section.hidden = items.length === 0;
    const list = document.getElementById('review-list');
    const typed = {};
    for (const area of list.querySelectorAll('textarea')) typed[area.id] = area.value;
    list.replaceChildren(
      ...items.map((h) => {
        const commentId = `review-comment-${h.id}`;
        const buttons = ['accept', 'reject', 'escalate'].map((decision) =>
          el('button', { type: 'button', class: `review-${decision}`, dataset: { decision }, text: decision[0].toUpperCase() + decision.slice(1) }),
        );
        const item = el('li', { id: `review-${h.id}`, class: 'review', dataset: { handoff: h.id, operation: h.operation } }, [
          el('p', { class: 'review-title', text: h.title }),
          el('p', { class: 'review-requester', text: `Asked by ${h.requestedBy}${h.note ? `, with the note: “${h.note}”` : ', with no note'}` }),
          draftBlock(h),
          el('p', { class: 'op-approval', text: h.approvalText }),
          el('label', { for: commentId, text: 'Comment (optional)' }),
          el('textarea', { id: commentId, rows: 2, maxlength: 2000 }),
          el('div', { class: 'buttons' }, buttons),
          el('p', { class: 'review-escalate-to', text: h.escalateText }),
        ]);
        item.querySelector('textarea').value = typed[commentId] || '';
        for (const button of buttons) {
          button.addEventListener('click', async () => {
            const current = state();
            let row;
            try {
              row = module().reviewRow(current.panelText, current.table, h.id, button.dataset.decision, item.querySelector('textarea').value);
            } catch (e) {
              say(e.message, true);
              return;
            }
            const answer = await api(current.session, 'POST', `/api/now/table/${current.ai.reviewTable}`, row);
            if (answer.status !== 201) say(`Not recorded: ${errorText(answer)}`, true);
            else say(`Decision recorded: ${button.dataset.decision} for ${h.title}.`);
          });
        }
        return item;
      }),
    );
  }

  return { renderDialog, wireDialog, renderReviews };
})();
