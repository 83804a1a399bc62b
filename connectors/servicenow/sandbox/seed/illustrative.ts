/**
 * The seed's four illustrative tickets (docs/sandbox.md, "The seed's four
 * illustrative tickets"), with the work notes their people have written so
 * far: diagnostics, vendor contacts, access justification, exception
 * history, dashboard dependencies. Two statements contradict each other on
 * purpose (whether the ISP circuit loses packets; whether the hardware key
 * reached its owner), so a grounded provider has contradictions to report.
 */
import { MINUTE, HOUR, DAY } from './seeder.js';
import type { TicketSeed } from './ticket-seed.js';

export const INC_2041: TicketSeed = {
  table: 'incident',
  number: 'INC0002041',
  title: 'Remote access latency',
  description:
    'Remote staff in the EU region report VPN sessions with 400 to 900 ms round-trip latency since about 08:10 UTC today, up from the usual 30 to 60 ms. ' +
    'Microsoft Teams calls drop after a few minutes and file transfers from the Frankfurt file shares stall. About 180 users connect through the EU-West gateway ' +
    '(vpn-euw.corp.example.com); users on the US-East gateway are not affected. First reported by Jordan Miles (Finance, working from Lisbon) at 08:25 UTC.',
  state: '2',
  impact: '2',
  urgency: '1',
  group: 'Network Operations',
  assignee: 'alex.rivera',
  ci: 'VPN Gateway EU-West',
  openedBy: 'alex.rivera',
  openedAgo: 5 * HOUR,
  // Opened when it was first reported (08:25 UTC); the notes follow at 08:35, 09:05, 09:25, 09:55 and 10:45.
  storyClock: '13:25',
  dataClass: 'internal',
  contactType: 'phone',
  extra: { caller_id: '@user:jordan.miles', category: 'network', subcategory: 'vpn', severity: '2' },
  notes: [
    {
      by: 'alex.rivera',
      ago: 4 * HOUR + 50 * MINUTE,
      text:
        'Spoke with Jordan Miles. Ping to vpn-euw.corp.example.com from their laptop: average 612 ms, 4% loss. Same laptop on a mobile hotspot gives the same result, so it is not their home ISP. ' +
        'Three more calls in the queue with the same symptom, all on EU-West.',
    },
    {
      by: 'raj.patel',
      ago: 4 * HOUR + 20 * MINUTE,
      text:
        'Gateway health at 09:05 UTC: data-plane CPU 81% (baseline about 45%), 1,240 active tunnels (usual peak about 900), session set-up rate normal. ' +
        'Upstream interface ethernet1/1 at 92% of 1 Gbps. No configuration change on the gateway since the firmware 10.2.7 upgrade. ' +
        'Suspect either a tunnel surge after the Lisbon office WAN outage or saturation upstream at the ISP.',
    },
    {
      by: 'irene.costa',
      ago: 4 * HOUR,
      text:
        'Taking incident command. Priority 2 confirmed: about 180 users, no workaround except the US-East gateway, which cannot take the load. ' +
        'Next: gather diagnostics, compare against the known-good baseline from INC0001987, and prepare a vendor escalation packet for Palo Alto TAC and the ISP. ' +
        'Nothing goes out to vendors or stakeholders without my sign-off.',
    },
    {
      by: 'raj.patel',
      ago: 3 * HOUR + 30 * MINUTE,
      text:
        'Vendor contacts for escalation: Palo Alto Networks TAC, support contract PAN-EU-44817 (Premium), case through the support portal or +44 20 7946 0321. ' +
        'ISP: Telia Carrier NOC, circuit TC-FRA-0092231, noc@telia-carrier.example.net, +46 8 555 0142. ' +
        'Telia says there has been no packet loss on the circuit since 06:00 UTC (their ticket TCN-558812).',
    },
    {
      by: 'alex.rivera',
      ago: 2 * HOUR + 40 * MINUTE,
      text:
        'Workaround offered: affected users may switch to the US-East profile for email only; Teams quality stays poor there. Jordan confirmed US-East gives about 140 ms. ' +
        'Keeping the incident In Progress.',
    },
  ],
};

export const REQ_2188: TicketSeed = {
  table: 'sc_request',
  number: 'REQ0002188',
  title: 'Temporary staff access setup',
  description:
    'Tom Becker joins Finance as temporary staff (agency contract, 6 weeks) to support the Q3 payroll reconciliation. Access needed from Monday: network account and email, VPN, ' +
    "read access to the Finance 'Q3 Close' SharePoint site, and display-only access to SAP S/4HANA Finance (no posting). Access must end automatically 6 weeks after the start date.",
  state: '1',
  impact: '2',
  urgency: '3',
  priority: '3',
  group: 'Access Management',
  assignee: 'nora.brandt',
  openedBy: 'morgan.lee',
  openedAgo: 3 * DAY,
  dataClass: 'confidential',
  extra: { requested_for: '@user:tom.becker', request_state: 'requested', stage: 'waiting_for_approval', approval: 'requested' },
  notes: [
    {
      by: 'nora.brandt',
      ago: 2 * DAY + 20 * HOUR,
      text: 'Request split into RITM0002188 for the access bundle. Provisioning waits for the manager approval on the item.',
    },
  ],
};

export const RITM_2188: TicketSeed = {
  table: 'sc_req_item',
  number: 'RITM0002188',
  title: 'Temporary staff access setup: Tom Becker',
  description:
    'Catalog item: Temporary staff onboarding access. Requested for: Tom Becker (agency contract, start Monday, end date 6 weeks later). ' +
    "Items: network account and mailbox; VPN profile EU; SharePoint 'Finance / Q3 Close' read; SAP S/4HANA Finance display-only role. Business justification: see work notes.",
  state: '1',
  impact: '2',
  urgency: '3',
  priority: '3',
  group: 'Access Management',
  assignee: 'nora.brandt',
  ci: 'SAP S/4HANA Finance',
  openedBy: 'morgan.lee',
  openedAgo: 3 * DAY,
  dataClass: 'confidential',
  extra: {
    request: '@task:sc_request:REQ0002188',
    requested_for: '@user:tom.becker',
    cat_item: '@item:Temporary staff onboarding access',
    stage: 'waiting_for_approval',
    approval: 'requested',
  },
  notes: [
    {
      by: 'morgan.lee',
      ago: 2 * DAY + 22 * HOUR,
      text:
        'Access justification: Tom covers for a colleague on leave during the Q3 payroll reconciliation. He needs to read the reconciliation workbooks and look up postings in SAP FI. ' +
        'He must not post, approve or change master data. I am his manager for the engagement.',
    },
    {
      by: 'nora.brandt',
      ago: 2 * DAY + 4 * HOUR,
      text:
        'Checked against the segregation-of-duties matrix: SAP role Z_FI_DISPLAY_ONLY conflicts with nothing Tom holds (he holds no Finance roles). ' +
        'Not granting Z_FI_AP_CLERK, which the onboarding template suggests: it includes posting. Waiting for the formal manager approval on this item before provisioning.',
    },
    {
      by: 'nora.brandt',
      ago: 20 * HOUR,
      text: 'Approval reminder sent to Morgan Lee on Tuesday; no response yet. Start date is Monday, so provisioning needs the approval by Friday noon.',
    },
  ],
};

export const SEC_2274: TicketSeed = {
  table: 'sn_si_incident',
  number: 'SIR0002274',
  title: 'MFA exception review',
  description:
    'Quarterly review of MFA exception EXC-0112 for Marcus Webb (VP Sales EMEA). The exception lets the account sign in with SMS one-time codes instead of Okta Verify push, ' +
    'because the travel phone policy blocks the Okta Verify app. It expires on the 30th; the account owner asks for a further 90-day extension. ' +
    'Review the exception history, the sign-in risk signals since the last review, and whether the compensating controls are in place.',
  state: '16',
  impact: '1',
  urgency: '3',
  priority: '2',
  group: 'Security Operations',
  assignee: 'lena.fischer',
  ci: 'Okta MFA',
  openedBy: 'lena.fischer',
  openedAgo: 2 * DAY,
  dataClass: 'confidential',
  extra: { affected_user: '@user:marcus.webb', category: 'policy_exception', risk_score: '62', business_criticality: '2' },
  notes: [
    {
      by: 'lena.fischer',
      ago: 47 * HOUR,
      text:
        'Exception history: EXC-0112 first granted 14 months ago by Samira Haddad for 90 days (reason: company travel phone cannot install Okta Verify). ' +
        'Extended twice since, each time for 90 days and approved by Samira Haddad; the second extension carried a condition: a FIDO2 hardware key to be issued.',
    },
    {
      by: 'lena.fischer',
      ago: 30 * HOUR,
      text:
        'Okta system log since the last review: 3 sign-ins from new countries, all matching the travel calendar; 41 SMS codes sent; 0 failed MFA challenges; ' +
        'one phishing SMS reported by the user himself (no code entered). Marcus confirmed by phone that he has not received a hardware key.',
    },
    {
      by: 'samira.haddad',
      ago: 26 * HOUR,
      text:
        'Compensating control from the last extension was the FIDO2 key. Asset records show a YubiKey 5 NFC shipped to Marcus two months ago (asset AST-77120, status: In use). ' +
        'No decision on the extension until the review summary is in front of me.',
    },
  ],
};

export const ENH_2219: TicketSeed = {
  table: 'rm_enhancement',
  number: 'ENHC0002219',
  title: 'Leadership dashboard automation',
  description:
    'Automate the weekly leadership dashboard, which today takes two analysts about six hours every Monday: pull headcount from Workday, revenue and cost actuals from the ' +
    'Finance data warehouse and pipeline from Salesforce, refresh the Power BI dataset, and publish the PDF pack to the leadership channel. Sponsor: Victor Alvarez.',
  state: '-5',
  impact: '2',
  urgency: '3',
  priority: '3',
  group: 'Analytics Platform',
  assignee: 'oliver.grant',
  ci: 'Leadership Dashboard',
  openedBy: 'priya.nair',
  openedAgo: 9 * DAY,
  dataClass: 'internal',
  extra: { product: 'Leadership Dashboard', release: 'FY Q3', story_points: '21', acceptance_criteria: 'Pack published by 08:00 UTC every Monday with no manual step; failures alert the Analytics Platform on-call.' },
  notes: [
    {
      by: 'priya.nair',
      ago: 8 * DAY,
      text:
        'Dependencies: (1) the Finance data warehouse nightly load must finish before 06:00 UTC on Mondays; today it often finishes at 07:30 (ENHC0002201 is open to move it earlier). ' +
        '(2) The Power BI on-premises gateway needs an upgrade before it can refresh the Workday connector on a schedule. ' +
        '(3) Salesforce API quota: the analytics integration user is at 80% of its daily limit.',
    },
    {
      by: 'oliver.grant',
      ago: 6 * DAY,
      text:
        'Estimate: 3 sprints if ENHC0002201 lands first; 5 sprints if we must work around the late warehouse load with an incremental refresh. ' +
        'Trade-off for the sponsor: ship a partial automation (headcount and pipeline) in sprint 1, or wait for the full pack.',
    },
    {
      by: 'victor.alvarez',
      ago: 3 * DAY,
      text: 'I need the trade-off in writing before the portfolio review on Thursday. Do not move anything in the roadmap until I decide.',
    },
    {
      by: 'priya.nair',
      ago: 2 * DAY,
      text: 'The exec team uses the dashboard every Monday at 09:00; the manual run missed that slot twice last month.',
    },
  ],
};

export const ILLUSTRATIVE: readonly TicketSeed[] = [INC_2041, REQ_2188, RITM_2188, SEC_2274, ENH_2219];
