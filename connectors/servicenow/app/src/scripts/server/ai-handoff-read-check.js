/*
 * AiHandoffReadCheck (script include, scope x_acme_aihandoff): the read check
 * of a request (docs/contract.md, "The read check").
 *
 * The integration user reads more than most people may. At Assign this runs
 * in the agent's own session (the request table's before-insert rule), so it
 * can ask the platform which records the agent may read: it runs the panel's
 * readCheck queries with GlideRecordSecure, which answers only rows the
 * session's ACLs let it read, and records what came back. The worker uses a
 * record beyond the ticket only if it is listed here.
 *
 * Anything it cannot vouch for gives '' (nothing beyond the ticket is used):
 * no readCheck, a malformed one, or an answer too long for the column.
 */
var AiHandoffReadCheck = Class.create();

AiHandoffReadCheck.MAX_QUERIES = 10;
AiHandoffReadCheck.MAX_LIMIT = 50;
/** The `readable` column's length (sys_dictionary max_length). */
AiHandoffReadCheck.MAX_LENGTH = 16000;
AiHandoffReadCheck.FIELD = /^[a-z][a-z0-9_]{0,79}$/;
AiHandoffReadCheck.ID = /^[A-Za-z0-9_:-]{1,64}$/;
AiHandoffReadCheck.FIELD_QUERY = ['source', 'table', 'field', 'value', 'exclude', 'limit'];
AiHandoffReadCheck.RECORD_QUERY = ['source', 'table', 'sysId'];

/** Only the listed keys, and every required one. */
AiHandoffReadCheck.hasKeys = function (object, allowed, required) {
    for (var key in object) {
        if (Object.prototype.hasOwnProperty.call(object, key) && allowed.indexOf(key) < 0) return false;
    }
    for (var i = 0; i < required.length; i++) {
        if (!Object.prototype.hasOwnProperty.call(object, required[i])) return false;
    }
    return true;
};

AiHandoffReadCheck.prototype = {
    initialize: function () {
        this.tables = AiHandoffServer.TABLES.concat(['cmdb_ci']);
    },

    /** Why one query is refused, or '' when it is one this check runs. */
    problem: function (query) {
        var sysId = AiHandoffServer.SYS_ID;
        if (query === null || typeof query !== 'object' || Array.isArray(query)) return 'is not an object';
        if (typeof query.source !== 'string' || !AiHandoffReadCheck.FIELD.test(query.source)) return 'has no source name';
        if (this.tables.indexOf(query.table) < 0) return 'names a table outside ' + this.tables.join(', ');
        if (Object.prototype.hasOwnProperty.call(query, 'sysId')) {
            if (!AiHandoffReadCheck.hasKeys(query, AiHandoffReadCheck.RECORD_QUERY, AiHandoffReadCheck.RECORD_QUERY)) return 'has keys other than source, table, sysId';
            return sysId.test(String(query.sysId)) ? '' : 'sysId is not a sys_id';
        }
        if (!AiHandoffReadCheck.hasKeys(query, AiHandoffReadCheck.FIELD_QUERY, ['source', 'table', 'field', 'value', 'limit'])) return 'needs source, table, field, value and limit (and at most exclude)';
        if (typeof query.field !== 'string' || !AiHandoffReadCheck.FIELD.test(query.field)) return 'field is not a plain field name';
        if (!sysId.test(String(query.value))) return 'value is not a sys_id';
        if (query.exclude !== undefined && !sysId.test(String(query.exclude))) return 'exclude is not a sys_id';
        var limit = query.limit;
        if (typeof limit !== 'number' || limit % 1 !== 0 || limit < 1 || limit > AiHandoffReadCheck.MAX_LIMIT) return 'limit is not a whole number from 1 to ' + AiHandoffReadCheck.MAX_LIMIT;
        return '';
    },

    /** Why the panel's readCheck is refused, or '' when every query may run. */
    invalid: function (readCheck) {
        if (readCheck === null || typeof readCheck !== 'object' || !AiHandoffReadCheck.hasKeys(readCheck, ['id', 'queries'], ['id', 'queries'])) return 'readCheck needs exactly id and queries';
        if (typeof readCheck.id !== 'string' || !AiHandoffReadCheck.ID.test(readCheck.id)) return 'readCheck.id is not an id';
        if (!Array.isArray(readCheck.queries) || readCheck.queries.length > AiHandoffReadCheck.MAX_QUERIES) return 'readCheck.queries is not a list of at most ' + AiHandoffReadCheck.MAX_QUERIES;
        for (var i = 0; i < readCheck.queries.length; i++) {
            var why = this.problem(readCheck.queries[i]);
            if (why !== '') return 'readCheck.queries[' + i + '] ' + why;
        }
        return '';
    },

    /** The sys_ids of the rows a query finds that this session may read, newest first. */
    readableIds: function (query) {
        var rows = new GlideRecordSecure(query.table);
        if (query.sysId !== undefined) return rows.get(String(query.sysId)) ? [rows.getUniqueValue()] : [];
        rows.addQuery(query.field, String(query.value));
        if (query.exclude !== undefined) rows.addQuery('sys_id', '!=', String(query.exclude));
        rows.orderByDesc('sys_updated_on');
        rows.setLimit(query.limit);
        rows.query();
        var ids = [];
        while (rows.next()) ids.push(String(rows.getUniqueValue()));
        return ids;
    },

    /**
     * The `readable` column for a panel (its parsed JSON): {"check", "at",
     * "readable": {table: [sys_id, ...]}}, or '' when there is nothing to vouch for.
     */
    run: function (panel) {
        var readCheck = panel && typeof panel === 'object' ? panel.readCheck : undefined;
        if (readCheck === undefined) return '';
        var why = this.invalid(readCheck);
        if (why !== '') {
            gs.warn('AI Handoff: the panel\'s read check was not run: ' + why);
            return '';
        }
        var readable = {};
        for (var i = 0; i < readCheck.queries.length; i++) {
            var query = readCheck.queries[i];
            var ids = this.readableIds(query);
            var list = readable[query.table] || (readable[query.table] = []);
            for (var j = 0; j < ids.length; j++) if (list.indexOf(ids[j]) < 0) list.push(ids[j]);
        }
        var text = JSON.stringify({ check: readCheck.id, at: new GlideDateTime().getValue(), readable: readable });
        if (text.length > AiHandoffReadCheck.MAX_LENGTH) {
            gs.warn('AI Handoff: the read check found more than the readable column holds; nothing beyond the ticket will be used.');
            return '';
        }
        return text;
    },

    type: 'AiHandoffReadCheck'
};
