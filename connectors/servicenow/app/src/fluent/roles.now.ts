/**
 * The app's roles. Names follow the scope (`x_acme_aihandoff.<name>`), as the SDK
 * requires; the sandbox cast and the policy's sandbox config use the same names.
 */
import { Role } from '@servicenow/sdk/core'

export const agent = Role({
    name: 'x_acme_aihandoff.agent',
    description:
        'May use Assign To AI Operation on the tickets the AI Handoff app serves, and Accept / Reject / Escalate on a hand-off that needs no approval (an evidence pack, a checklist) where the user requested it, is assigned the ticket or is in its assignment group.',
})

export const reviewer = Role({
    name: 'x_acme_aihandoff.reviewer',
    description:
        "May use Accept / Reject / Escalate on a hand-off that needs approval only where its resolved approver is this user (or one of the user's groups), never on the user's own requests; and, as an agent may, on a hand-off that needs no approval where the user requested it, is assigned the ticket or is in its assignment group.",
})

export const integration = Role({
    name: 'x_acme_aihandoff.integration',
    description:
        'The ai-handoff worker account: reads the ticket tables, their work notes and audit, users, groups, group members, the dictionary and configuration items; writes work notes and the AI fields only. Grant it to the integration account alone: the app refuses any other field change by a holder of this role.',
})
