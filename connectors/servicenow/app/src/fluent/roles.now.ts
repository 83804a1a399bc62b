/**
 * The app's roles. Names follow the scope (`x_acme_aihandoff.<name>`), as the SDK
 * requires; the sandbox cast and the policy's sandbox config use the same names.
 */
import { Role } from '@servicenow/sdk/core'

export const agent = Role({
    name: 'x_acme_aihandoff.agent',
    description:
        'May use Assign To AI Operation (creates a row of the AI hand-off request table) on the tickets the AI Handoff app serves, and Accept / Reject / Escalate on a hand-off that needs no approval (an evidence pack, a checklist) where the user requested it, is assigned the ticket or is in its assignment group.',
})

export const reviewer = Role({
    name: 'x_acme_aihandoff.reviewer',
    description:
        "May use Accept / Reject / Escalate (creates a row of the AI hand-off review table) on a hand-off that needs approval only where its resolved approver is this user (or one of the user's groups), never on the user's own requests; and, as an agent may, on a hand-off that needs no approval where the user requested it, is assigned the ticket or is in its assignment group.",
})

export const integration = Role({
    name: 'x_acme_aihandoff.integration',
    description:
        "The ai-handoff worker account: reads the request and review rows and settles them, writes the audit checkpoints, and writes tickets only through the app's ticket API (a work note, the AI panel and status). It grants no write on any ticket table. Grant it to the integration account alone.",
})

export const dataSteward = Role({
    name: 'x_acme_aihandoff.data_steward',
    description: "May set a ticket's data classification (the AI data classification field), which decides what the AI may read and which providers may receive it.",
})
