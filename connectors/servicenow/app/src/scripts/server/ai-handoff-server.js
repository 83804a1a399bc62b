/*
 * AiHandoffServer (script include, scope x_acme_aihandoff): the server side of the app's
 * buttons and rules, on the five ticket tables.
 *
 * - canAssign / canReview: the buttons' conditions.
 * - context / submitRequest / submitReview: what the dialog reads and the only
 *   path that sets the request and review fields (through AiHandoffAjax). The
 *   field write ACLs stop forms and the Table API from setting them; this runs
 *   as server-side GlideRecord, which ACLs do not apply to, after its own
 *   checks, as the acting user (so the stamp rule and sys_audit name them).
 * - stamp: the before rule that records who set the request or review field.
 * - guardIntegrationWrite: the before rule that keeps the integration role to
 *   work notes and the AI fields.
 *
 * What it writes, ever: the request field, the review field, and the two stamp
 * fields. Never state, assignment, approval or priority (a test scans for it).
 * It is not the security boundary: the worker re-checks every request and
 * review against policy and the platform's own record of who set the field.
 */
var AiHandoffServer = Class.create();

/** The AI fields the app installs on each ticket table (mappings/servicenow/*.yaml name the same). */
AiHandoffServer.FIELDS = {
    panel: 'x_acme_aihandoff_panel',
    status: 'x_acme_aihandoff_status',
    request: 'x_acme_aihandoff_request',
    review: 'x_acme_aihandoff_review',
    requestedBy: 'x_acme_aihandoff_requested_by',
    reviewedBy: 'x_acme_aihandoff_reviewed_by'
};

AiHandoffServer.TABLES = ['incident', 'sc_req_item', 'sc_request', 'sn_si_incident', 'rm_enhancement'];

AiHandoffServer.ROLES = {
    agent: 'x_acme_aihandoff.agent',
    reviewer: 'x_acme_aihandoff.reviewer',
    integration: 'x_acme_aihandoff.integration'
};

/** All the integration role may change on a ticket: its work note and the AI fields it maintains. */
AiHandoffServer.INTEGRATION_WRITABLE = ['work_notes', 'x_acme_aihandoff_panel', 'x_acme_aihandoff_status', 'x_acme_aihandoff_request', 'x_acme_aihandoff_review'];

/** A field's value as text, '' when empty (GlideRecord answers null). */
AiHandoffServer.text = function (record, field) {
    var value = record.getValue(field);
    return value === null || value === undefined ? '' : String(value);
};

AiHandoffServer.refusal = function (message) {
    return { ok: false, message: message };
};

AiHandoffServer.prototype = {
    initialize: function () {
        // The shared dialog module, loaded as this scope's script include of the same name.
        this.review = AiHandoffScopeReview;
    },

    /** The acting user, as the shared module expects it: roles the app cares about, active group memberships. */
    currentUser: function () {
        var roles = [];
        var names = [AiHandoffServer.ROLES.agent, AiHandoffServer.ROLES.reviewer, 'admin'];
        for (var i = 0; i < names.length; i++) {
            if (gs.hasRole(names[i])) roles.push(names[i]);
        }
        var groups = [];
        var member = new GlideRecord('sys_user_grmember');
        member.addQuery('user', gs.getUserID());
        member.addQuery('group.active', true);
        member.query();
        while (member.next()) groups.push(String(member.getValue('group')));
        return { sysId: String(gs.getUserID()), userName: String(gs.getUserName()), roles: roles, groups: groups };
    },

    /**
     * Condition of Assign To AI Operation: the agent role, and at least one
     * operation in the panel, blocked ones included: the dialog then shows why
     * each is blocked and what would change that, and Confirm stays disabled
     * while nothing can be chosen. (The app adds no panel field to the form, so
     * the dialog is where an agent sees the reasons.)
     */
    canAssign: function (record) {
        if (!gs.hasRole(AiHandoffServer.ROLES.agent)) return false;
        return this.review.showsAssign(AiHandoffServer.text(record, AiHandoffServer.FIELDS.panel), this.currentUser());
    },

    /**
     * Condition of Accept / Reject / Escalate: a hand-off awaits review by this
     * user (the shared module's reviewableHandoffs): its approver, never its
     * requester, where approval is required; its requester, the assignee or a
     * member of the ticket's group where none is.
     */
    canReview: function (record) {
        if (!gs.hasRole(AiHandoffServer.ROLES.reviewer) && !gs.hasRole(AiHandoffServer.ROLES.agent)) return false;
        return this.review.reviewableHandoffs(AiHandoffServer.text(record, AiHandoffServer.FIELDS.panel), this.currentUser()).length > 0;
    },

    /** What the dialog needs: the panel text and the user; the dialog builds its view with the shared module. */
    context: function (record) {
        return {
            ok: true,
            number: AiHandoffServer.text(record, 'number'),
            panel: AiHandoffServer.text(record, AiHandoffServer.FIELDS.panel),
            user: this.currentUser(),
            requestPending: AiHandoffServer.text(record, AiHandoffServer.FIELDS.request) !== '',
            reviewPending: AiHandoffServer.text(record, AiHandoffServer.FIELDS.review) !== ''
        };
    },

    /** Sets the request field after the same checks the dialog made, against the panel as it is now. */
    submitRequest: function (record, operationId, scopeDigest, note) {
        var user = this.currentUser();
        if (!gs.hasRole(AiHandoffServer.ROLES.agent)) {
            return AiHandoffServer.refusal('Assigning AI work needs the ' + AiHandoffServer.ROLES.agent + ' role.');
        }
        var operations = this.review.buildScopeReview(AiHandoffServer.text(record, AiHandoffServer.FIELDS.panel), user).operations;
        var op = null;
        for (var i = 0; i < operations.length; i++) {
            if (operations[i].id === String(operationId)) op = operations[i];
        }
        if (op === null) {
            return AiHandoffServer.refusal('That operation is no longer offered on this ticket. Reload the form and choose again.');
        }
        if (!op.selectable) {
            var why = op.reasons.length > 0 ? ' ' + op.reasons[0].message + ' ' + op.reasons[0].remedy : '';
            return AiHandoffServer.refusal('"' + op.title + '" is blocked on this ticket.' + why);
        }
        if (op.scopeDigest !== String(scopeDigest)) {
            return AiHandoffServer.refusal('The scope of "' + op.title + '" changed since the dialog opened. Review the new scope and confirm again.');
        }
        if (AiHandoffServer.text(record, AiHandoffServer.FIELDS.request) !== '') {
            return AiHandoffServer.refusal('A request on this ticket is already waiting for the AI Handoff worker. Wait for the AI status to change, then try again.');
        }
        var json;
        try {
            json = this.review.buildRequest(op.id, op.scopeDigest, note === null || note === undefined ? '' : String(note));
        } catch (e) {
            return AiHandoffServer.refusal(e.message);
        }
        record.setValue(AiHandoffServer.FIELDS.request, json);
        if (!record.update()) return AiHandoffServer.refusal('ServiceNow did not save the request. Reload the form and try again.');
        return { ok: true, message: 'Assigned "' + op.title + '" to the AI. The result arrives as a work note; the AI status shows its progress.' };
    },

    /** Sets the review field, only for a hand-off this user may review now (as canReview). */
    submitReview: function (record, handoffId, decision, comment) {
        var reviewable = this.review.reviewableHandoffs(AiHandoffServer.text(record, AiHandoffServer.FIELDS.panel), this.currentUser());
        var handoff = null;
        for (var i = 0; i < reviewable.length; i++) {
            if (reviewable[i].id === String(handoffId)) handoff = reviewable[i];
        }
        if (handoff === null) {
            return AiHandoffServer.refusal('You may not review that AI hand-off. Where approval is required, only its resolved approver can, never the person who requested it; where none is, its requester, the assignee or a member of the assignment group can; and only while it awaits review.');
        }
        if (AiHandoffServer.text(record, AiHandoffServer.FIELDS.review) !== '') {
            return AiHandoffServer.refusal('A review on this ticket is already waiting for the AI Handoff worker. Wait for the AI status to change, then try again.');
        }
        var json;
        try {
            json = this.review.buildReview(handoff.id, String(decision), comment === null || comment === undefined ? '' : String(comment));
        } catch (e) {
            return AiHandoffServer.refusal(e.message);
        }
        record.setValue(AiHandoffServer.FIELDS.review, json);
        if (!record.update()) return AiHandoffServer.refusal('ServiceNow did not save the review. Reload the form and try again.');
        return { ok: true, message: 'Recorded your decision (' + decision + ') on "' + handoff.title + '". The worker adds it to the work notes.' };
    },

    /**
     * Before insert/update: whoever sets the request (review) field is stamped
     * into requested-by (reviewed-by), from the session, not from the form.
     * A value submitted for a stamp field itself is discarded.
     */
    stamp: function (current, previous) {
        var prior = current.operation() === 'insert' ? null : previous;
        this.stampOne(current, prior, AiHandoffServer.FIELDS.request, AiHandoffServer.FIELDS.requestedBy);
        this.stampOne(current, prior, AiHandoffServer.FIELDS.review, AiHandoffServer.FIELDS.reviewedBy);
    },

    stampOne: function (current, prior, field, stampField) {
        var now = AiHandoffServer.text(current, field);
        var before = prior ? AiHandoffServer.text(prior, field) : '';
        if (now !== '' && now !== before) {
            current.setValue(stampField, String(gs.getUserID()));
            return;
        }
        var stampBefore = prior ? AiHandoffServer.text(prior, stampField) : '';
        if (AiHandoffServer.text(current, stampField) !== stampBefore) current.setValue(stampField, stampBefore);
    },

    /**
     * Before insert/update: a user with the integration role may change only
     * work notes and the AI fields, and may only clear the request and review
     * fields. Anything else aborts the whole write, naming the fields. Admins
     * (who hold every role) are not restricted by it.
     */
    guardIntegrationWrite: function (current) {
        if (!gs.hasRole(AiHandoffServer.ROLES.integration) || gs.hasRole('admin')) return true;
        var refused = [];
        var changed = this.changedFields(current);
        for (var i = 0; i < changed.length; i++) {
            var field = changed[i];
            if (field.indexOf('sys_') === 0) continue; // set by the platform on every write
            if (AiHandoffServer.INTEGRATION_WRITABLE.indexOf(field) < 0) {
                refused.push(field);
            } else if ((field === AiHandoffServer.FIELDS.request || field === AiHandoffServer.FIELDS.review) && AiHandoffServer.text(current, field) !== '') {
                refused.push(field + ' (the integration may only clear it)');
            }
        }
        if (refused.length === 0) return true;
        current.setAbortAction(true);
        gs.addErrorMessage('AI Handoff: the integration role may change only work notes and the AI fields; refused: ' + refused.join(', '));
        return false;
    },

    /** Names of the fields this write changes. getElements() is a Java list in some scopes and an array in others. */
    changedFields: function (record) {
        var elements = record.getElements();
        var count = typeof elements.size === 'function' ? elements.size() : elements.length;
        var out = [];
        for (var i = 0; i < count; i++) {
            var element = typeof elements.get === 'function' ? elements.get(i) : elements[i];
            if (element.changes()) out.push(String(element.getName()));
        }
        return out;
    },

    type: 'AiHandoffServer'
};
