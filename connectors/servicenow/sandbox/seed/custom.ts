/**
 * Tickets of the instance's own table, u_vendor_access_request (a custom
 * table extending task: schema/task-tables.ts). No mapping ships for it:
 * they show that a mapping written by `mappings init` makes a table the
 * product has never seen pulled, classified and handed off (docs/admin.md,
 * "Onboard a custom table"; test/integration/admin/custom-table.test.ts).
 */
import { DAY, HOUR } from './seeder.js';
import type { TicketSeed } from './ticket-seed.js';

export const CUSTOM: readonly TicketSeed[] = [
  {
    table: 'u_vendor_access_request',
    number: 'VAR0001001',
    title: 'Northwind Audit: read access to the Q3 close workbooks',
    description:
      'Northwind Audit LLP (external auditors) needs read access for two auditors to the SharePoint site Finance / Q3 Close and display-only access to SAP FI postings, ' +
      'for the four weeks of the year-end audit fieldwork. Requested for: Tom Becker, who hosts the auditors.',
    state: '2',
    impact: '2',
    urgency: '2',
    priority: '2',
    group: 'Access Management',
    assignee: 'nora.brandt',
    ci: 'Finance Data Warehouse',
    openedBy: 'morgan.lee',
    openedAgo: 2 * DAY + 6 * HOUR,
    dataClass: 'confidential',
    extra: { u_vendor: 'Northwind Audit LLP', u_requested_for: '@user:tom.becker', u_access_level: 'read', u_vendor_contact: '@user:morgan.lee', approval: 'requested' },
    notes: [
      {
        by: 'nora.brandt',
        ago: 1 * DAY + 3 * HOUR,
        text: 'Auditor accounts are to be time-boxed to the fieldwork dates. No posting, approval or master-data roles; display only in SAP.',
      },
    ],
  },
  {
    table: 'u_vendor_access_request',
    number: 'VAR0001002',
    title: 'Contoso Facilities: badge system admin access',
    description: 'Contoso Facilities asks for administrative access to the badge management console for their on-site engineer during the door-controller upgrade.',
    state: '2',
    impact: '3',
    urgency: '3',
    priority: '4',
    group: 'Access Management',
    assignee: 'nora.brandt',
    openedBy: 'tom.becker',
    openedAgo: 5 * HOUR,
    dataClass: 'internal',
    extra: { u_vendor: 'Contoso Facilities', u_requested_for: '@user:tom.becker', u_access_level: 'admin' },
  },
];
