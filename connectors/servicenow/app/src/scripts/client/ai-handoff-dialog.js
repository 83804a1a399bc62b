/*
 * AiHandoffDialog (UI script x_acme_aihandoff.AiHandoffDialog): the dialog
 * behind the four buttons, on the app's dialog page (UI page
 * x_acme_aihandoff_handoff_dialog), which Core UI shows in a GlideModal and
 * Workspace in a frame (g_modal.showFrame). The page says which (its host:
 * how to close, how to report success).
 *
 * It asks the server for the panel, the acting user and what is already
 * waiting (x_acme_aihandoff.AiHandoffAjax getContext), builds what it shows
 * with the shared module (AiHandoffScopeReview, UI script
 * x_acme_aihandoff.AiHandoffScopeReview), and on Confirm sends the row the
 * shared module builds (requestRow / reviewRow) to the server, which creates
 * it in the user's session; the table's rule checks it again.
 *
 * All text goes in with textContent: the panel carries text from tickets and
 * policy files, which must never become markup.
 */
var AiHandoffDialog = (function () {
    'use strict';

    var TITLES = { assign: 'Assign To AI Operation', accept: 'Accept AI draft', reject: 'Reject AI draft', escalate: 'Escalate AI draft' };
    var OUTCOMES = {
        eligible: { text: 'Eligible', className: 'label label-success' },
        'approval-bound': { text: 'Approval needed before use', className: 'label label-warning' },
        blocked: { text: 'Blocked', className: 'label label-danger' }
    };
    var NOTICE_CLASS = { error: 'alert alert-danger', refused: 'alert alert-warning', info: 'alert alert-info' };
    /** Reasons by outcome (issue 12): blocked red, approval-bound amber, allowed neutral; set on the element too, so the tone holds whatever the host's style sheet. */
    var TONES = {
        blocked: { className: 'text-danger', color: '#b42318' },
        approval: { className: 'text-warning', color: '#9a6700' },
        info: { className: 'text-muted', color: '#5b6775' }
    };
    var MAX_NOTE_LENGTH = 1000;
    var MAX_COMMENT_LENGTH = 2000;

    function node(tag, className, text) {
        var element = document.createElement(tag);
        if (className) element.className = className;
        if (text !== undefined) element.textContent = text;
        return element;
    }

    function append(parent, child) {
        parent.appendChild(child);
        return child;
    }

    function ajax(method, params, done) {
        var call = new GlideAjax('x_acme_aihandoff.AiHandoffAjax');
        call.addParam('sysparm_name', method);
        for (var key in params) {
            if (Object.prototype.hasOwnProperty.call(params, key)) call.addParam(key, params[key]);
        }
        call.getXMLAnswer(function (answer) {
            var result;
            try {
                result = JSON.parse(answer);
            } catch (_notJson) {
                result = { ok: false, message: 'The server gave an answer the dialog cannot read. Reload the form and try again.' };
            }
            done(result);
        });
    }

    function notice(parent, kind, message, remedy) {
        var box = append(parent, node('div', 'x-aih-notice ' + (NOTICE_CLASS[kind] || NOTICE_CLASS.info)));
        box.setAttribute('role', 'alert');
        append(box, node('p', 'x-aih-message', message));
        if (remedy) append(box, node('p', 'x-aih-remedy', remedy));
        return box;
    }

    function textArea(parent, id, label, maxLength) {
        var group = append(parent, node('div', 'form-group'));
        var caption = append(group, node('label', '', label));
        caption.setAttribute('for', id);
        var input = append(group, node('textarea', 'form-control'));
        input.id = id;
        input.rows = 3;
        input.maxLength = maxLength;
        return input;
    }

    /** Cancel and Confirm; returns the Confirm button, disabled until something is chosen. */
    function footer(parent, host, confirmText, onConfirm) {
        var bar = append(parent, node('div', 'x-aih-buttons text-right'));
        var cancel = append(bar, node('button', 'btn btn-default', 'Cancel'));
        cancel.type = 'button';
        cancel.onclick = function () {
            host.close();
        };
        var confirm = append(bar, node('button', 'btn btn-primary x-aih-confirm', confirmText));
        confirm.type = 'button';
        confirm.disabled = true;
        confirm.onclick = onConfirm;
        return confirm;
    }

    function send(method, params, error, confirm, host) {
        confirm.disabled = true;
        ajax(method, params, function (result) {
            if (result.ok) {
                host.done(result.message);
                return;
            }
            error.textContent = '';
            notice(error, 'error', result.message, '');
            confirm.disabled = false;
        });
    }

    function list(parent, className, items) {
        var ul = append(parent, node('ul', className));
        for (var i = 0; i < items.length; i++) append(ul, node('li', '', items[i]));
        if (items.length === 0) append(ul, node('li', 'text-muted', 'None listed'));
        return ul;
    }

    function show(element, shown) {
        element.style.display = shown ? '' : 'none';
    }

    /** Shows the full scope of one operation and folds the others: the list stays compact, so Confirm is on the first screen. */
    function expand(parent, id) {
        var items = parent.querySelectorAll('.x-aih-operation');
        for (var i = 0; i < items.length; i++) {
            var open = items[i].getAttribute('data-operation') === id;
            items[i].setAttribute('data-expanded', String(open));
            show(items[i].querySelector('.x-aih-details'), open);
            items[i].querySelector('.x-aih-more').setAttribute('aria-expanded', String(open));
        }
    }

    /** One compact line per operation (title, outcome, approver), and its full scope below it, shown when chosen or opened. */
    function renderOperation(parent, op, waiting, onChoose) {
        var item = append(parent, node('div', 'x-aih-operation' + (op.selectable && !waiting ? '' : ' x-aih-unavailable')));
        item.setAttribute('data-operation', op.id);
        item.setAttribute('data-outcome', op.outcome);
        var head = append(item, node('div', 'x-aih-head'));
        var label = append(head, node('label', 'x-aih-choice'));
        var radio = append(label, node('input'));
        radio.type = 'radio';
        radio.name = 'x_acme_aihandoff_operation';
        radio.value = op.id;
        radio.disabled = !op.selectable || waiting;
        radio.onchange = function () {
            if (!radio.checked) return;
            expand(parent, op.id);
            onChoose(op);
        };
        append(label, node('strong', 'x-aih-title', ' ' + op.title + ' '));
        append(label, node('span', 'x-aih-outcome ' + OUTCOMES[op.outcome].className, OUTCOMES[op.outcome].text));
        if (op.approver) append(head, node('span', 'x-aih-approver text-muted', ' ' + op.approver + ' '));
        var more = append(head, node('button', 'btn btn-link btn-xs x-aih-more', 'Scope'));
        more.type = 'button';
        more.setAttribute('aria-expanded', 'false');
        more.onclick = function () {
            expand(parent, op.id);
        };
        var details = append(item, node('div', 'x-aih-details'));
        details.style.maxHeight = '40vh';
        details.style.overflowY = 'auto';
        show(details, false);
        var sections = append(details, node('dl', 'x-aih-sections'));
        for (var i = 0; i < op.sections.length; i++) {
            append(sections, node('dt', '', op.sections[i].label));
            list(append(sections, node('dd')), 'x-aih-items', op.sections[i].items);
        }
        append(details, node('p', 'x-aih-approval', op.approvalText));
        if (waiting) append(item, node('p', 'x-aih-waiting', 'A request for this operation is already waiting for the AI Handoff worker.'));
        if (op.reasons.length > 0) {
            append(details, node('p', 'x-aih-reasons-title', op.outcome === 'blocked' ? 'Blocked because:' : op.outcome === 'approval-bound' ? 'Before use:' : 'Policy notes:'));
            var reasons = append(details, node('ul', 'x-aih-reasons'));
            for (var j = 0; j < op.reasons.length; j++) {
                var tone = TONES[op.reasons[j].tone] || TONES.info;
                var reason = append(reasons, node('li', 'x-aih-tone-' + op.reasons[j].tone + ' ' + tone.className));
                reason.style.color = tone.color;
                append(reason, node('span', 'x-aih-reason', op.reasons[j].message));
                if (op.reasons[j].remedy) append(reason, node('span', 'x-aih-remedy', ' ' + op.reasons[j].remedyLabel + op.reasons[j].remedy));
            }
        }
    }

    /** Every hand-off on the ticket in a phrase, not only the latest: "1 awaiting your review, 1 accepted". */
    function summary(body, context) {
        var text = AiHandoffScopeReview.statusSummary(context.panel, context.user);
        if (text) append(body, node('p', 'x-aih-summary text-muted', 'Hand-offs on this ticket: ' + text + '.'));
    }

    /** The instance's date and time format and the user's zone, where the host page has them (Core UI). */
    function when(iso) {
        var format = typeof g_user_date_time_format === 'string' ? g_user_date_time_format : undefined;
        var offset = typeof g_tz_offset === 'number' ? g_tz_offset : undefined;
        return AiHandoffScopeReview.formatTime(iso, format, offset);
    }

    /** The draft a review is about: its first lines, the rest on demand, and a link to the full note in the journal. */
    function draftBlock(parent, handoff, options) {
        var box = append(parent, node('div', 'x-aih-draft'));
        if (!handoff.draft) {
            append(box, node('p', 'text-muted', 'The draft is in the work notes of this ticket.'));
        } else {
            var lines = handoff.draft.split('\n');
            var first = append(box, node('pre', 'x-aih-draft-lines', lines.slice(0, 3).join('\n')));
            first.style.whiteSpace = 'pre-wrap';
            if (lines.length > 3) {
                var rest = append(box, node('pre', 'x-aih-draft-rest', lines.slice(3).join('\n')));
                rest.style.whiteSpace = 'pre-wrap';
                show(rest, false);
                var more = append(box, node('button', 'btn btn-link btn-xs x-aih-draft-more', 'Show more of the draft'));
                more.type = 'button';
                more.onclick = function () {
                    var open = rest.style.display === 'none';
                    show(rest, open);
                    more.textContent = open ? 'Show less' : 'Show more of the draft';
                };
            }
        }
        var link = append(box, node('a', 'x-aih-draft-link', 'Open the full note'));
        link.href = '/sys_journal_field_list.do?sysparm_query=' + encodeURIComponent('element_id=' + options.sysId + '^valueLIKE[ai-handoff:' + handoff.id + ']');
        link.target = '_blank';
        link.rel = 'noopener';
    }

    function renderAssign(body, host, options, context) {
        var review = AiHandoffScopeReview.buildScopeReview(context.panel, context.user);
        if (review.notice) notice(body, review.notice.kind, review.notice.message, review.notice.remedy);
        summary(body, context);
        var chosen = null;
        var confirm = null;
        var operations = append(body, node('div', 'x-aih-operations'));
        for (var i = 0; i < review.operations.length; i++) {
            renderOperation(operations, review.operations[i], context.pending.operations.indexOf(review.operations[i].id) >= 0, function (op) {
                chosen = op;
                confirm.disabled = false;
            });
        }
        var note = textArea(body, 'x_acme_aihandoff_note', 'Note for the AI (optional)', MAX_NOTE_LENGTH);
        var error = append(body, node('div', 'x-aih-error'));
        confirm = footer(body, host, 'Confirm', function () {
            if (chosen === null) return;
            error.textContent = '';
            var row;
            try {
                row = AiHandoffScopeReview.requestRow(context.panel, options.table, chosen.id, note.value);
            } catch (e) {
                notice(error, 'error', e.message, '');
                return;
            }
            send('submitRequest', { sysparm_table: options.table, sysparm_sys_id: options.sysId, sysparm_row: JSON.stringify(row) }, error, confirm, host);
        });
    }

    function renderReview(body, host, options, context) {
        var handoffs = AiHandoffScopeReview.reviewableHandoffs(context.panel, context.user);
        var chosen = null;
        summary(body, context);
        if (handoffs.length === 0) {
            notice(body, 'error', 'No AI hand-off on this ticket awaits your review.', 'Where approval is required, only the approver the policy resolved may review a hand-off, never the person who requested it; where none is, its requester, the assignee or a member of the assignment group may.');
        }
        var choices = append(body, node('div', 'x-aih-handoffs'));
        var confirm = null;
        for (var i = 0; i < handoffs.length; i++) {
            (function (handoff) {
                var waiting = context.pending.handoffs.indexOf(handoff.id) >= 0;
                var label = append(append(choices, node('div', 'x-aih-handoff')), node('label'));
                var radio = append(label, node('input'));
                radio.type = 'radio';
                radio.name = 'x_acme_aihandoff_handoff';
                radio.value = handoff.id;
                radio.disabled = waiting;
                if (chosen === null && !waiting) {
                    radio.checked = true;
                    chosen = handoff;
                }
                radio.onchange = function () {
                    if (!radio.checked) return;
                    chosen = handoff;
                    confirm.disabled = false;
                };
                var item = label.parentNode;
                append(label, node('strong', '', ' ' + handoff.title + ' '));
                append(label, node('span', 'text-muted', waiting ? 'A review of it is already waiting for the AI Handoff worker.' : handoff.approvalText));
                append(item, node('p', 'x-aih-requester', 'Asked by ' + handoff.requestedBy + (handoff.note ? ', with the note: \u201c' + handoff.note + '\u201d' : ', with no note') + ' (' + handoff.statusText.toLowerCase() + ' since ' + when(handoff.updatedAt) + ')'));
                draftBlock(item, handoff, options);
                var escalate = append(item, node('p', 'x-aih-escalate' + (options.decision === 'escalate' ? ' text-warning' : ' text-muted'), handoff.escalateText));
                if (options.decision === 'escalate') escalate.style.fontWeight = 'bold';
            })(handoffs[i]);
        }
        var comment = textArea(body, 'x_acme_aihandoff_comment', 'Comment (optional)', MAX_COMMENT_LENGTH);
        var error = append(body, node('div', 'x-aih-error'));
        confirm = footer(body, host, TITLES[options.decision], function () {
            if (chosen === null) return;
            error.textContent = '';
            var row;
            try {
                row = AiHandoffScopeReview.reviewRow(context.panel, options.table, chosen.id, options.decision, comment.value);
            } catch (e) {
                notice(error, 'error', e.message, '');
                return;
            }
            send('submitReview', { sysparm_table: options.table, sysparm_sys_id: options.sysId, sysparm_row: JSON.stringify(row) }, error, confirm, host);
        });
        confirm.disabled = chosen === null;
    }

    /**
     * Opens the dialog in `options.container`: options {mode: 'assign' |
     * 'review', decision: 'accept' | 'reject' | 'escalate', table, sysId,
     * container, host: {close(), done(message)}}.
     */
    function open(options) {
        var body = options.container;
        body.className = 'x-aih-dialog';
        body.textContent = 'Loading the AI panel...';
        ajax('getContext', { sysparm_table: options.table, sysparm_sys_id: options.sysId }, function (context) {
            body.textContent = '';
            if (!context.ok) {
                notice(body, 'error', context.message, '');
                return;
            }
            if (options.mode === 'assign') renderAssign(body, options.host, options, context);
            else renderReview(body, options.host, options, context);
        });
    }

    /** A notice in `parent` (the page uses it for what it reports itself). */
    function say(parent, kind, message, remedy) {
        return notice(parent, kind, message, remedy);
    }

    return { open: open, say: say, titles: TITLES };
})();
