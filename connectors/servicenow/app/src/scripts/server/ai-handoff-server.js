/*
 * AiHandoffServer (script include, scope x_acme_aihandoff): the app's names,
 * and the server side of its buttons (docs/contract.md, version 2).
 *
 * - The names every script uses: the ticket fields, the app's tables and
 *   roles, the ticket tables of this build, the AI statuses.
 * - canAssign / canReview: the buttons' conditions.
 * - context: what the dialog reads (the panel, the user, what is waiting).
 *
 * It writes nothing. Requests and reviews are rows of the app's own tables
 * (AiHandoffIntake checks and stamps them); the ticket is written only by the
 * worker, through the app's REST API (AiHandoffTicketApi).
 */
var AiHandoffServer = Class.create();

/** The columns the app adds to each ticket table (the default mappings name the panel, status and data class). */
AiHandoffServer.FIELDS = {
    panel: 'x_acme_aihandoff_panel',
    status: 'x_acme_aihandoff_status',
    dataClass: 'x_acme_aihandoff_data_classification'
};

/** The app's own tables. */
AiHandoffServer.APP_TABLES = {
    request: 'x_acme_aihandoff_request',
    review: 'x_acme_aihandoff_review',
    checkpoint: 'x_acme_aihandoff_checkpoint'
};

// The ticket tables of this build: every table of ticket-tables.json here; a
// build without an optional part lists only its own (scripts/stage.mjs).
AiHandoffServer.TABLES = ['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement', 'u_vendor_access_request'];

AiHandoffServer.ROLES = {
    agent: 'x_acme_aihandoff.agent',
    reviewer: 'x_acme_aihandoff.reviewer',
    integration: 'x_acme_aihandoff.integration',
    dataSteward: 'x_acme_aihandoff.data_steward'
};

/** Exactly the values of src/domain/status.ts (a test keeps them equal). */
AiHandoffServer.STATUSES = ['none', 'eligible', 'queued', 'running', 'awaiting_review', 'accepted', 'rejected', 'escalated', 'expired', 'blocked', 'failed'];

AiHandoffServer.SYS_ID = /^[0-9a-f]{32}$/;

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
        var user = { sysId: String(gs.getUserID()), userName: String(gs.getUserName()), roles: roles, groups: groups };
        var managerName = this.managerName();
        if (managerName) user.managerName = managerName;
        return user;
    },

    /** The user's active manager's name (sys_user.manager), which Escalate names before the click; empty when none. */
    managerName: function () {
        var me = new GlideRecord('sys_user');
        if (!me.get(gs.getUserID()) || !me.getValue('manager')) return '';
        var manager = new GlideRecord('sys_user');
        if (!manager.get(me.getValue('manager')) || manager.getValue('active') === 'false') return '';
        return String(manager.getValue('name') || '');
    },

    /**
     * Condition of Assign To AI Operation: the agent role, and at least one
     * operation in the panel, blocked ones included: the dialog then shows why
     * each is blocked and what would change that, and Confirm stays disabled
     * while nothing can be chosen.
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

    /** What the dialog needs: the panel, the user, and which operations and hand-offs already have a row waiting. */
    context: function (record) {
        return {
            ok: true,
            number: AiHandoffServer.text(record, 'number'),
            panel: AiHandoffServer.text(record, AiHandoffServer.FIELDS.panel),
            user: this.currentUser(),
            pending: {
                operations: this.pendingValues(AiHandoffServer.APP_TABLES.request, record, 'operation'),
                handoffs: this.pendingValues(AiHandoffServer.APP_TABLES.review, record, 'handoff')
            }
        };
    },

    /** The `column` of every pending row of an app table for this ticket. */
    pendingValues: function (appTable, record, column) {
        var row = new GlideRecord(appTable);
        row.addQuery('ticket_table', record.getTableName());
        row.addQuery('ticket', record.getUniqueValue());
        row.addQuery('state', 'pending');
        row.query();
        var values = [];
        while (row.next()) values.push(AiHandoffServer.text(row, column));
        return values;
    },

    type: 'AiHandoffServer'
};
