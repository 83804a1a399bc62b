/**
 * The ticket API (docs/contract.md, "The Scripted REST API"):
 * POST /api/x_acme_aihandoff/v1/tickets/{table}/{sys_id}, the only way the
 * worker writes a ticket. Its resource ACL admits the integration role alone;
 * the script (AiHandoffTicketApi) can only append a work note, set the AI
 * panel and status, and settle the ticket's request and review rows.
 */
import { Acl, RestApi } from '@servicenow/sdk/core'
import { integration } from './roles.now'

export const ticketApiAcl = Acl({
    $id: Now.ID['ticket_api_execute'],
    type: 'rest_endpoint',
    name: 'x_acme_aihandoff ticket API',
    operation: 'execute',
    roles: [integration],
    description: 'Only the ai-handoff worker (x_acme_aihandoff.integration) calls the ticket API.',
})

RestApi({
    $id: Now.ID['ticket_api'],
    name: 'AI Handoff ticket API',
    serviceId: 'tickets',
    shortDescription: "The worker's only write path to a ticket: a work note, the AI panel and status, and the ticket's request and review rows.",
    consumes: 'application/json',
    produces: 'application/json',
    protectionPolicy: 'read',
    enforceAcl: [ticketApiAcl],
    versions: [{ $id: Now.ID['ticket_api_v1'], version: 1, isDefault: true, shortDescription: 'Contract version 2 (docs/contract.md).' }],
    routes: [
        {
            $id: Now.ID['ticket_api_write'],
            name: 'write a ticket',
            method: 'POST',
            path: '/{table}/{sys_id}',
            version: 1,
            authentication: true,
            authorization: true,
            enforceAcl: [ticketApiAcl],
            consumes: 'application/json',
            produces: 'application/json',
            shortDescription: 'Appends a work note (once per key), sets the AI panel and status, settles a request or review row of this ticket.',
            parameters: [],
            headers: [],
            script: Now.include('../scripts/server/ticket-route.js'),
        },
    ],
})
