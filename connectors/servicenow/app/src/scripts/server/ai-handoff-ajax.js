/*
 * AiHandoffAjax (client-callable script include, scope x_acme_aihandoff): the dialog's
 * server calls, through GlideAjax('x_acme_aihandoff.AiHandoffAjax').
 *
 *   getContext     sysparm_table, sysparm_sys_id
 *   submitRequest  ... and sysparm_operation, sysparm_scope, sysparm_note
 *   submitReview   ... and sysparm_handoff, sysparm_decision, sysparm_comment
 *
 * Every answer is JSON: {ok: true, ...} or {ok: false, message}. The record is
 * first read with GlideRecordSecure, so a user reaches only tickets their read
 * ACLs allow; the write itself goes through AiHandoffServer. An execute ACL
 * (client_callable_script_include) limits callers to the agent and reviewer
 * roles.
 */
var AiHandoffAjax = Class.create();

AiHandoffAjax.SYS_ID = /^[0-9a-f]{32}$/;

/** Runs `action(server, record)` on the requested ticket and answers JSON. */
AiHandoffAjax.respond = function (processor, action) {
    var table = String(processor.getParameter('sysparm_table') || '');
    var sysId = String(processor.getParameter('sysparm_sys_id') || '');
    if (AiHandoffServer.TABLES.indexOf(table) < 0) {
        return JSON.stringify(AiHandoffServer.refusal('The AI Handoff app does not serve this table.'));
    }
    var visible = new GlideRecordSecure(table);
    if (!AiHandoffAjax.SYS_ID.test(sysId) || !visible.get(sysId)) {
        return JSON.stringify(AiHandoffServer.refusal('This record does not exist, or you may not read it.'));
    }
    var record = new GlideRecord(table);
    record.get(sysId);
    var answer;
    try {
        answer = action(new AiHandoffServer(), record);
    } catch (e) {
        gs.error('AI Handoff: ' + table + ' ' + sysId + ': ' + e.message);
        answer = AiHandoffServer.refusal('The AI Handoff app could not complete this. Reload the form and try again; if it persists, ask your ServiceNow administrator to check the system log.');
    }
    return JSON.stringify(answer);
};

AiHandoffAjax.prototype = Object.extendsObject(global.AbstractAjaxProcessor, {
    getContext: function () {
        return AiHandoffAjax.respond(this, function (server, record) {
            return server.context(record);
        });
    },

    submitRequest: function () {
        var parameter = this.getParameter.bind(this);
        return AiHandoffAjax.respond(this, function (server, record) {
            return server.submitRequest(record, parameter('sysparm_operation'), parameter('sysparm_scope'), parameter('sysparm_note'));
        });
    },

    submitReview: function () {
        var parameter = this.getParameter.bind(this);
        return AiHandoffAjax.respond(this, function (server, record) {
            return server.submitReview(record, parameter('sysparm_handoff'), parameter('sysparm_decision'), parameter('sysparm_comment'));
        });
    },

    type: 'AiHandoffAjax'
});
