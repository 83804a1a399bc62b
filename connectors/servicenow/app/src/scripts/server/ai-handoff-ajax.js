/*
 * AiHandoffAjax (client-callable script include, scope x_acme_aihandoff): the
 * dialog's server calls, through GlideAjax('x_acme_aihandoff.AiHandoffAjax').
 *
 *   getContext     sysparm_table, sysparm_sys_id
 *   submitRequest  ... and sysparm_row: the request row's columns (JSON), as the shared module's requestRow builds them
 *   submitReview   ... and sysparm_row: the review row's columns (JSON), as reviewRow builds them
 *
 * Every answer is JSON: {ok: true, ...} or {ok: false, message}. The ticket
 * is read with GlideRecordSecure, so a user reaches only tickets their read
 * ACLs allow. A submit creates a row of the app's request or review table
 * with GlideRecordSecure, in the user's session: the table's create ACL
 * applies, the platform records who (sys_created_by), and the table's
 * before-insert rule checks and stamps it. The same check runs first here so
 * the dialog can show why a row would be refused. An execute ACL
 * (client_callable_script_include) limits callers to the agent and reviewer roles.
 */
var AiHandoffAjax = Class.create();

/** The columns a dialog may set on a new row; the rest belong to the rule and the worker. */
AiHandoffAjax.INPUT_COLUMNS = {
    request: ['ticket_table', 'ticket', 'operation', 'scope_digest', 'note'],
    review: ['ticket_table', 'ticket', 'handoff', 'decision', 'comment']
};

/** Runs `action(record)` on the requested ticket, read as the user, and answers JSON. */
AiHandoffAjax.respond = function (processor, action) {
    var table = String(processor.getParameter('sysparm_table') || '');
    var sysId = String(processor.getParameter('sysparm_sys_id') || '');
    if (AiHandoffServer.TABLES.indexOf(table) < 0) {
        return JSON.stringify(AiHandoffServer.refusal('The AI Handoff app does not serve this table.'));
    }
    var record = new GlideRecordSecure(table);
    if (!AiHandoffServer.SYS_ID.test(sysId) || !record.get(sysId)) {
        return JSON.stringify(AiHandoffServer.refusal('This record does not exist, or you may not read it.'));
    }
    var answer;
    try {
        answer = action(record);
    } catch (e) {
        gs.error('AI Handoff: ' + table + ' ' + sysId + ': ' + e.message);
        answer = AiHandoffServer.refusal('The AI Handoff app could not complete this. Reload the form and try again; if it persists, ask your ServiceNow administrator to check the system log.');
    }
    return JSON.stringify(answer);
};

/**
 * A new row of `kind` ('request' or 'review') from the dialog's JSON, for
 * this ticket only: {row} or {refusal}. Columns other than the dialog's are
 * dropped; the rule sets the rest.
 */
AiHandoffAjax.row = function (kind, json, record) {
    var input;
    try {
        input = JSON.parse(String(json || ''));
    } catch (_notJson) {
        return { refusal: 'The dialog sent a ' + kind + ' the server cannot read. Reload the form and try again.' };
    }
    if (input === null || typeof input !== 'object' || input.ticket_table !== record.getTableName() || input.ticket !== record.getUniqueValue()) {
        return { refusal: 'The dialog sent a ' + kind + ' for another ticket. Reload the form and try again.' };
    }
    var row = new GlideRecordSecure(AiHandoffServer.APP_TABLES[kind]);
    row.initialize();
    var columns = AiHandoffAjax.INPUT_COLUMNS[kind];
    for (var i = 0; i < columns.length; i++) {
        var value = input[columns[i]];
        row.setValue(columns[i], value === undefined || value === null ? '' : String(value));
    }
    return { row: row };
};

/** Checks the row as its table's rule will, then creates it as the user. */
AiHandoffAjax.create = function (kind, json, record, check, done) {
    var made = AiHandoffAjax.row(kind, json, record);
    if (made.refusal) return AiHandoffServer.refusal(made.refusal);
    var refusal = check(made.row);
    if (refusal !== '') return AiHandoffServer.refusal(refusal);
    if (!made.row.insert()) {
        return AiHandoffServer.refusal('ServiceNow did not save the ' + kind + ': you may lack the role to create it. Reload the form and try again.');
    }
    return { ok: true, message: done(made.row), sysId: made.row.getUniqueValue() };
};

AiHandoffAjax.prototype = Object.extendsObject(global.AbstractAjaxProcessor, {
    getContext: function () {
        return AiHandoffAjax.respond(this, function (record) {
            return new AiHandoffServer().context(record);
        });
    },

    submitRequest: function () {
        var json = this.getParameter('sysparm_row');
        return AiHandoffAjax.respond(this, function (record) {
            var intake = new AiHandoffIntake();
            return AiHandoffAjax.create('request', json, record, intake.checkRequest.bind(intake), function () {
                return 'Assigned "' + intake.title + '" to the AI. The result arrives as a work note; the AI status shows its progress.';
            });
        });
    },

    submitReview: function () {
        var json = this.getParameter('sysparm_row');
        return AiHandoffAjax.respond(this, function (record) {
            var intake = new AiHandoffIntake();
            return AiHandoffAjax.create('review', json, record, intake.checkReview.bind(intake), function (row) {
                return 'Recorded your decision (' + AiHandoffServer.text(row, 'decision') + ') on "' + intake.title + '". The worker adds it to the work notes.';
            });
        });
    },

    type: 'AiHandoffAjax'
});
