/*
 * AiHandoffTicketApi (script include, scope x_acme_aihandoff): the resource
 * POST /api/x_acme_aihandoff/v1/tickets/{table}/{sys_id} (docs/contract.md,
 * "The Scripted REST API"), the only way the worker writes a ticket.
 *
 *   { "fields": { "<panel>": "...", "<status>": "queued" },
 *     "work_note": { "field": "work_notes", "text": "...", "key": "<marker>" },
 *     "request": { "sys_id": "...", "state": "queued", "handoff": "ho_..." },
 *     "review":  { "sys_id": "...", "state": "refused", "message": "...", "remedy": "..." } }
 *
 * Every member is optional, at least one is required, and nothing else is
 * accepted: a table outside this build's ticket tables, a field other than
 * the panel and status, a note field other than work_notes, a row that is not
 * of this ticket, all give 400 and write nothing. The ticket is written with
 * a server-side GlideRecord, so no ACL grants the integration user write on a
 * ticket table; the resource's ACL admits only the integration role. A note
 * whose key already appears in a work note this user wrote on this ticket is
 * not written again. The worker's own write guard checked the body first;
 * this is the second lock, on the instance's side.
 */
var AiHandoffTicketApi = Class.create();

/** Same bounds as the worker's write guard (src/connector/write-guard.ts). */
AiHandoffTicketApi.MAX_PANEL_LENGTH = 65000;
AiHandoffTicketApi.MAX_NOTE_LENGTH = 32000;
AiHandoffTicketApi.MAX_KEY_LENGTH = 200;
AiHandoffTicketApi.MAX_MESSAGE_LENGTH = 1000;
AiHandoffTicketApi.HANDOFF_ID = /^ho_[a-z2-7]{26}$/;
AiHandoffTicketApi.MEMBERS = ['fields', 'work_note', 'request', 'review'];
/** Per row kind: its table key, the states the worker may set, and the columns each carries. */
AiHandoffTicketApi.ROWS = {
    request: { states: { queued: ['handoff'], refused: ['message', 'remedy'] } },
    review: { states: { recorded: [], refused: ['message', 'remedy'] } }
};

/** A 400 naming what is wrong and how to fix it. */
AiHandoffTicketApi.bad = function (message, detail) {
    return { status: 400, error: { message: message, detail: detail } };
};

AiHandoffTicketApi.isObject = function (value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
};

/** The keys of an object that are not in `allowed`. */
AiHandoffTicketApi.extraKeys = function (object, allowed) {
    var extra = [];
    for (var key in object) {
        if (Object.prototype.hasOwnProperty.call(object, key) && allowed.indexOf(key) < 0) extra.push(key);
    }
    return extra;
};

AiHandoffTicketApi.prototype = {
    initialize: function () {
        this.writable = [AiHandoffServer.FIELDS.panel, AiHandoffServer.FIELDS.status];
    },

    /** Why `fields` is refused, or ''. */
    fieldsProblem: function (fields) {
        if (!AiHandoffTicketApi.isObject(fields)) return 'fields must be an object of the AI panel and status';
        var extra = AiHandoffTicketApi.extraKeys(fields, this.writable);
        if (extra.length > 0) return 'fields may name only ' + this.writable.join(' and ') + ', not ' + extra.join(', ');
        for (var key in fields) {
            if (Object.prototype.hasOwnProperty.call(fields, key) && typeof fields[key] !== 'string') return 'fields.' + key + ' must be text';
        }
        var panel = fields[AiHandoffServer.FIELDS.panel];
        if (panel !== undefined && panel.length > AiHandoffTicketApi.MAX_PANEL_LENGTH) return 'the panel is ' + panel.length + ' characters; at most ' + AiHandoffTicketApi.MAX_PANEL_LENGTH;
        var status = fields[AiHandoffServer.FIELDS.status];
        if (status !== undefined && AiHandoffServer.STATUSES.indexOf(status) < 0) return 'fields.' + AiHandoffServer.FIELDS.status + ' must be one of ' + AiHandoffServer.STATUSES.join(', ');
        return '';
    },

    /** Why `work_note` is refused, or ''. */
    noteProblem: function (note) {
        if (!AiHandoffTicketApi.isObject(note)) return 'work_note must be an object {field, text, key}';
        var extra = AiHandoffTicketApi.extraKeys(note, ['field', 'text', 'key']);
        if (extra.length > 0) return 'work_note has unknown members: ' + extra.join(', ');
        if (note.field !== 'work_notes') return 'work_note.field must be work_notes: the app writes no other journal field';
        if (typeof note.text !== 'string' || note.text.replace(/\s/g, '') === '') return 'work_note.text must be non-empty text';
        if (note.text.length > AiHandoffTicketApi.MAX_NOTE_LENGTH) return 'work_note.text is ' + note.text.length + ' characters; at most ' + AiHandoffTicketApi.MAX_NOTE_LENGTH;
        if (note.key !== undefined && (typeof note.key !== 'string' || note.key === '' || note.key.length > AiHandoffTicketApi.MAX_KEY_LENGTH || /[\r\n^]/.test(note.key))) {
            return 'work_note.key must be one line of 1 to ' + AiHandoffTicketApi.MAX_KEY_LENGTH + ' characters, without ^';
        }
        return '';
    },

    /** Why a request or review member is refused, or ''. */
    rowProblem: function (kind, row) {
        var spec = AiHandoffTicketApi.ROWS[kind];
        if (!AiHandoffTicketApi.isObject(row)) return kind + ' must be an object {sys_id, state, ...}';
        if (typeof row.sys_id !== 'string' || !AiHandoffServer.SYS_ID.test(row.sys_id)) return kind + '.sys_id must be a sys_id';
        var columns = spec.states[row.state];
        if (columns === undefined) return kind + '.state must be one of ' + Object.keys(spec.states).join(', ');
        var extra = AiHandoffTicketApi.extraKeys(row, ['sys_id', 'state'].concat(columns));
        if (extra.length > 0) return kind + ' in state ' + row.state + ' carries only sys_id, state' + (columns.length ? ', ' + columns.join(', ') : '') + '; not ' + extra.join(', ');
        for (var i = 0; i < columns.length; i++) {
            var value = row[columns[i]];
            if (typeof value !== 'string' || value === '' || value.length > AiHandoffTicketApi.MAX_MESSAGE_LENGTH) return kind + '.' + columns[i] + ' must be text of 1 to ' + AiHandoffTicketApi.MAX_MESSAGE_LENGTH + ' characters';
        }
        if (row.handoff !== undefined && !AiHandoffTicketApi.HANDOFF_ID.test(row.handoff)) return kind + '.handoff must be a hand-off id (ho_ and 26 letters or digits)';
        return '';
    },

    /** The body's members, checked: {body} or a 400. */
    parse: function (text) {
        var body;
        try {
            body = JSON.parse(String(text || ''));
        } catch (_notJson) {
            return AiHandoffTicketApi.bad('The body is not JSON', 'Send a JSON object with fields, work_note, request or review.');
        }
        if (!AiHandoffTicketApi.isObject(body)) return AiHandoffTicketApi.bad('The body is not a JSON object', 'Send a JSON object with fields, work_note, request or review.');
        var extra = AiHandoffTicketApi.extraKeys(body, AiHandoffTicketApi.MEMBERS);
        if (extra.length > 0) return AiHandoffTicketApi.bad('Unknown members: ' + extra.join(', '), 'The body may carry only ' + AiHandoffTicketApi.MEMBERS.join(', ') + '.');
        var problems = [
            body.fields === undefined ? '' : this.fieldsProblem(body.fields),
            body.work_note === undefined ? '' : this.noteProblem(body.work_note),
            body.request === undefined ? '' : this.rowProblem('request', body.request),
            body.review === undefined ? '' : this.rowProblem('review', body.review)
        ];
        for (var i = 0; i < problems.length; i++) {
            if (problems[i] !== '') return AiHandoffTicketApi.bad('The body is refused: ' + problems[i], 'Nothing was written.');
        }
        if (body.fields === undefined && body.work_note === undefined && body.request === undefined && body.review === undefined) {
            return AiHandoffTicketApi.bad('The body is empty', 'Send at least one of ' + AiHandoffTicketApi.MEMBERS.join(', ') + '.');
        }
        return { body: body };
    },

    /** The app row named by a member, when it is of this ticket; else null. */
    rowOf: function (kind, member, table, sysId) {
        var row = new GlideRecord(AiHandoffServer.APP_TABLES[kind]);
        if (!row.get(member.sys_id)) return null;
        if (AiHandoffServer.text(row, 'ticket_table') !== table || AiHandoffServer.text(row, 'ticket') !== sysId) return null;
        return row;
    },

    /** Whether a work note this user wrote on the ticket already contains the key. */
    noteWritten: function (table, sysId, key) {
        var entry = new GlideRecord('sys_journal_field');
        entry.addQuery('name', table);
        entry.addQuery('element_id', sysId);
        entry.addQuery('element', 'work_notes');
        entry.addQuery('sys_created_by', gs.getUserName());
        entry.addQuery('value', 'CONTAINS', key);
        entry.setLimit(1);
        entry.query();
        return entry.hasNext();
    },

    /** Handles one call: {status, body} or {status, error: {message, detail}}. */
    handle: function (table, sysId, text) {
        if (AiHandoffServer.TABLES.indexOf(String(table)) < 0) return AiHandoffTicketApi.bad('The AI Handoff app does not serve the table ' + table, 'Use one of ' + AiHandoffServer.TABLES.join(', ') + '.');
        if (!AiHandoffServer.SYS_ID.test(String(sysId))) return AiHandoffTicketApi.bad('The ticket is not a sys_id', 'Use the ticket\'s 32-character sys_id.');
        var parsed = this.parse(text);
        if (parsed.error) return parsed;
        var body = parsed.body;
        var ticket = new GlideRecord(table);
        if (!ticket.get(sysId)) return { status: 404, error: { message: 'No Record found', detail: 'The ' + table + ' record ' + sysId + ' does not exist.' } };
        var rows = {};
        for (var kind in AiHandoffTicketApi.ROWS) {
            if (!Object.prototype.hasOwnProperty.call(AiHandoffTicketApi.ROWS, kind) || body[kind] === undefined) continue;
            rows[kind] = this.rowOf(kind, body[kind], table, sysId);
            if (rows[kind] === null) return AiHandoffTicketApi.bad('The ' + kind + ' row ' + body[kind].sys_id + ' is not of this ticket', 'Nothing was written.');
        }
        var note = 'none';
        if (body.work_note !== undefined) note = body.work_note.key !== undefined && this.noteWritten(table, sysId, body.work_note.key) ? 'already_written' : 'written';
        if (body.fields !== undefined || note === 'written') {
            for (var i = 0; i < this.writable.length; i++) {
                var field = this.writable[i];
                if (body.fields !== undefined && body.fields[field] !== undefined) ticket.setValue(field, body.fields[field]);
            }
            if (note === 'written') ticket.setValue('work_notes', body.work_note.text);
            if (!ticket.update()) return { status: 409, error: { message: 'ServiceNow did not save the ticket', detail: 'A business rule on ' + table + ' refused the update; nothing else was written.' } };
        }
        for (var name in rows) {
            if (Object.prototype.hasOwnProperty.call(rows, name)) this.settle(rows[name], body[name]);
        }
        return { status: 200, body: { sys_id: sysId, sys_mod_count: AiHandoffServer.text(ticket, 'sys_mod_count'), sys_updated_on: AiHandoffServer.text(ticket, 'sys_updated_on'), note: note } };
    },

    /** Sets the worker's columns of a request or review row. */
    settle: function (row, member) {
        var columns = ['state', 'handoff', 'message', 'remedy'];
        for (var i = 0; i < columns.length; i++) {
            if (member[columns[i]] !== undefined) row.setValue(columns[i], member[columns[i]]);
        }
        row.update();
    },

    type: 'AiHandoffTicketApi'
};
