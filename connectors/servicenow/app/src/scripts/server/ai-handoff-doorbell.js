/*
 * AiHandoffDoorbell (script include, scope x_acme_aihandoff): the doorbell
 * (docs/contract.md, "The doorbell"). When a request or review row is
 * created, an async rule posts {"table", "sys_id"} to the URL in the property
 * x_acme_aihandoff.doorbell_url, with the header X-AIH-Doorbell carrying
 * x_acme_aihandoff.doorbell_token when one is set. RESTMessageV2.executeAsync
 * sends it from the instance's outbound queue, so the person's transaction
 * never waits on the worker.
 *
 * The worker treats a ring as a hint: it polls the table at once through its
 * own authenticated reads, so a lost ring costs only the fallback poll's delay
 * and a forged one an extra poll. Nothing here logs the token.
 */
var AiHandoffDoorbell = Class.create();

AiHandoffDoorbell.PROPERTIES = {
    url: 'x_acme_aihandoff.doorbell_url',
    token: 'x_acme_aihandoff.doorbell_token'
};
AiHandoffDoorbell.URL = /^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/;

AiHandoffDoorbell.prototype = {
    initialize: function () {},

    /** Posts the row's table and sys_id to the doorbell URL; true when a ring was sent. */
    ring: function (row) {
        var url = String(gs.getProperty(AiHandoffDoorbell.PROPERTIES.url, '') || '');
        if (url === '') return false;
        if (!AiHandoffDoorbell.URL.test(url)) {
            gs.warn('AI Handoff: ' + AiHandoffDoorbell.PROPERTIES.url + ' is not an http(s) URL; no doorbell rung (the worker\'s poll still finds the row).');
            return false;
        }
        try {
            var message = new sn_ws.RESTMessageV2();
            message.setEndpoint(url);
            message.setHttpMethod('post');
            message.setRequestHeader('Content-Type', 'application/json');
            var token = String(gs.getProperty(AiHandoffDoorbell.PROPERTIES.token, '') || '');
            if (token !== '') message.setRequestHeader('X-AIH-Doorbell', token);
            message.setRequestBody(JSON.stringify({ table: row.getTableName(), sys_id: row.getUniqueValue() }));
            message.executeAsync();
            return true;
        } catch (e) {
            gs.warn('AI Handoff: the doorbell could not be rung (' + e.message + '); the worker\'s poll still finds the row.');
            return false;
        }
    },

    type: 'AiHandoffDoorbell'
};
