/*
 * AiHandoffIntake (script include, scope x_acme_aihandoff): the before-insert
 * rules of the app's request and review tables (docs/contract.md, "The
 * request table", "The review table").
 *
 * They run in the session of the person creating the row, on a table the app
 * owns, where the platform honours a script and an abort. Each check reads the
 * ticket with GlideRecordSecure (the person must be able to read it), checks
 * the row against the panel, and stamps what no one may submit: the ticket's
 * number, who (gs.getUserID(), whatever was submitted), state pending, the
 * worker's columns empty, and for a request the read check. A failed check
 * aborts the insert with a message the dialog shows.
 *
 * This is convenience and the read check: the worker checks every row again.
 */
var AiHandoffIntake = Class.create();

AiHandoffIntake.MAX_NOTE_LENGTH = 1000;
AiHandoffIntake.MAX_COMMENT_LENGTH = 2000;
AiHandoffIntake.DECISIONS = ['accept', 'reject', 'escalate'];
// The hand-off statuses a review may decide: awaiting its first review, or escalated to its target (src/domain/handoff.ts, DECIDABLE_STATUSES).
AiHandoffIntake.DECIDABLE = ['awaiting_review', 'escalated'];

AiHandoffIntake.prototype = {
    initialize: function () {
        this.server = new AiHandoffServer();
        this.review = AiHandoffScopeReview;
    },

    /** The ticket the row names, read as the acting user; or the refusal (a string). */
    readableTicket: function (row) {
        var table = AiHandoffServer.text(row, 'ticket_table');
        var sysId = AiHandoffServer.text(row, 'ticket');
        if (AiHandoffServer.TABLES.indexOf(table) < 0) return 'The AI Handoff app does not serve the table "' + table + '".';
        var ticket = new GlideRecordSecure(table);
        if (!AiHandoffServer.SYS_ID.test(sysId) || !ticket.get(sysId)) return 'You cannot read this ticket, or it does not exist.';
        return ticket;
    },

    /** Whether another pending row of `appTable` names the same ticket and the same `column` value. */
    alreadyPending: function (appTable, row, column) {
        var other = new GlideRecord(appTable);
        other.addQuery('ticket_table', AiHandoffServer.text(row, 'ticket_table'));
        other.addQuery('ticket', AiHandoffServer.text(row, 'ticket'));
        other.addQuery(column, AiHandoffServer.text(row, column));
        other.addQuery('state', 'pending');
        other.query();
        while (other.next()) {
            if (other.getUniqueValue() !== row.getUniqueValue()) return true;
        }
        return false;
    },

    /** '' when the new request row may be saved (and is now stamped), else why not. */
    checkRequest: function (row) {
        if (!gs.hasRole(AiHandoffServer.ROLES.agent)) return 'Assigning AI work needs the ' + AiHandoffServer.ROLES.agent + ' role.';
        var ticket = this.readableTicket(row);
        if (typeof ticket === 'string') return ticket;
        var panelText = AiHandoffServer.text(ticket, AiHandoffServer.FIELDS.panel);
        var operations = this.review.buildScopeReview(panelText, this.server.currentUser()).operations;
        var op = null;
        for (var i = 0; i < operations.length; i++) {
            if (operations[i].id === AiHandoffServer.text(row, 'operation')) op = operations[i];
        }
        if (op === null) return 'That operation is no longer offered on this ticket. Reload the form and choose again.';
        if (!op.selectable) {
            var why = op.reasons.length > 0 ? ' ' + op.reasons[0].message + ' ' + op.reasons[0].remedy : '';
            return '"' + op.title + '" is blocked on this ticket.' + why;
        }
        if (op.scopeDigest !== AiHandoffServer.text(row, 'scope_digest')) return 'The scope of "' + op.title + '" changed since the dialog opened. Review the new scope and confirm again.';
        var note = AiHandoffServer.text(row, 'note');
        if (note.length > AiHandoffIntake.MAX_NOTE_LENGTH) return 'The note is ' + note.length + ' characters; shorten it to ' + AiHandoffIntake.MAX_NOTE_LENGTH + ' or fewer.';
        if (this.alreadyPending(AiHandoffServer.APP_TABLES.request, row, 'operation')) {
            return 'A request for "' + op.title + '" on this ticket is already waiting for the AI Handoff worker. Wait for the AI status to change, then try again.';
        }
        this.stamp(row, ticket, 'requested_by');
        this.title = op.title;
        row.setValue('handoff', '');
        row.setValue('readable', new AiHandoffReadCheck().run(JSON.parse(panelText)));
        return '';
    },

    /** '' when the new review row may be saved (and is now stamped), else why not. */
    checkReview: function (row) {
        if (!gs.hasRole(AiHandoffServer.ROLES.reviewer) && !gs.hasRole(AiHandoffServer.ROLES.agent)) {
            return 'Reviewing AI work needs the ' + AiHandoffServer.ROLES.reviewer + ' or ' + AiHandoffServer.ROLES.agent + ' role.';
        }
        var ticket = this.readableTicket(row);
        if (typeof ticket === 'string') return ticket;
        if (AiHandoffIntake.DECISIONS.indexOf(AiHandoffServer.text(row, 'decision')) < 0) return 'The decision must be accept, reject or escalate.';
        var comment = AiHandoffServer.text(row, 'comment');
        if (comment.length > AiHandoffIntake.MAX_COMMENT_LENGTH) return 'The comment is ' + comment.length + ' characters; shorten it to ' + AiHandoffIntake.MAX_COMMENT_LENGTH + ' or fewer.';
        var handoff = this.awaitingReview(AiHandoffServer.text(ticket, AiHandoffServer.FIELDS.panel), AiHandoffServer.text(row, 'handoff'));
        if (handoff === null) return 'That AI hand-off is not awaiting review on this ticket. Reload the form to see its status.';
        if (this.alreadyPending(AiHandoffServer.APP_TABLES.review, row, 'handoff')) {
            return 'A review of this AI hand-off is already waiting for the AI Handoff worker. Wait for the AI status to change.';
        }
        this.stamp(row, ticket, 'reviewed_by');
        this.title = handoff.title;
        return '';
    },

    /** The hand-off, {id, title}, when the panel lists it as awaiting review or escalated (its escalation target decides it); else null. */
    awaitingReview: function (panelText, handoffId) {
        var panel;
        try {
            panel = JSON.parse(panelText);
        } catch (_notJson) {
            return null;
        }
        var handoffs = panel && Array.isArray(panel.handoffs) ? panel.handoffs : [];
        var operations = panel && Array.isArray(panel.operations) ? panel.operations : [];
        for (var i = 0; i < handoffs.length; i++) {
            var h = handoffs[i];
            if (!h || h.id !== handoffId || AiHandoffIntake.DECIDABLE.indexOf(h.status) < 0) continue;
            var title = h.operation;
            for (var j = 0; j < operations.length; j++) if (operations[j] && operations[j].id === h.operation) title = operations[j].title;
            return { id: h.id, title: String(title) };
        }
        return null;
    },

    /** What nobody submits: the ticket's number, who, state pending, and the worker's columns empty. */
    stamp: function (row, ticket, whoColumn) {
        row.setValue('number', AiHandoffServer.text(ticket, 'number'));
        row.setValue(whoColumn, String(gs.getUserID()));
        row.setValue('state', 'pending');
        row.setValue('message', '');
        row.setValue('remedy', '');
    },

    /** Before insert on the request table. */
    beforeRequestInsert: function (current) {
        this.abortUnless(current, this.checkRequest(current));
    },

    /** Before insert on the review table. */
    beforeReviewInsert: function (current) {
        this.abortUnless(current, this.checkReview(current));
    },

    abortUnless: function (current, refusal) {
        if (refusal === '') return;
        current.setAbortAction(true);
        gs.addErrorMessage(refusal);
    },

    type: 'AiHandoffIntake'
};
