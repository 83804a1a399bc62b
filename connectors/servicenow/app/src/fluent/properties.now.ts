/**
 * The doorbell's settings (docs/contract.md, "The doorbell"). Empty as
 * installed: without a URL no ring is sent and the worker's fallback poll
 * finds every row. Only admins read or change them; the token is stored
 * encrypted (password2).
 */
import { Property } from '@servicenow/sdk/core'

Property({
    $id: Now.ID['doorbell_url'],
    name: 'x_acme_aihandoff.doorbell_url',
    type: 'string',
    value: '',
    description: 'Where the app posts {"table","sys_id"} when a request or review row is created (the worker\'s doorbell, e.g. https://aihandoff.example.com/doorbell). Empty: no ring; the worker polls.',
    roles: { read: ['admin'], write: ['admin'] },
})

Property({
    $id: Now.ID['doorbell_token'],
    name: 'x_acme_aihandoff.doorbell_token',
    type: 'password2',
    value: '',
    description: 'Sent as the X-AIH-Doorbell header with every ring, when set: the worker ignores rings without it.',
    roles: { read: ['admin'], write: ['admin'] },
})
