/**
 * Text pools for generated tickets: titles and descriptions with a few slots,
 * and work notes shared by reference (no per-ticket copies), so 100,000
 * tickets stay lean in memory.
 */

export interface Template {
  readonly title: string;
  readonly description: string;
}

/** Slots: {app}, {site}, {n}, {device}. */
export const INCIDENT_TEMPLATES: readonly Template[] = [
  { title: '{app} slow for users in {site}', description: 'Users in {site} report that {app} takes {n} seconds or more to respond since this morning. Other applications are normal.' },
  { title: 'Cannot connect to VPN from {site}', description: 'The VPN client fails with a timeout after {n} seconds for staff working from {site}. Mobile hotspot gives the same result.' },
  { title: '{app} login fails with MFA error', description: 'Sign-in to {app} stops at the MFA prompt with an error for about {n} users. Okta status page shows no incident.' },
  { title: '{device} not detected after update', description: 'After the latest driver update the {device} is no longer detected on {n} laptops in {site}.' },
  { title: 'Shared drive quota exceeded for {site} team', description: 'The {site} team cannot save files: the shared drive reports quota exceeded ({n} GB used).' },
  { title: 'Email to external partners delayed', description: 'Messages to partner domains are delayed by up to {n} minutes; message trace shows deferrals on one outbound connector.' },
  { title: '{app} reports database connection errors', description: '{app} intermittently shows "cannot reach database" for users in {site}; about {n} errors per hour in the application log.' },
  { title: 'Wi-Fi drops in {site} office', description: 'Staff in the {site} office lose Wi-Fi every few minutes on floor {n}. Wired connections are stable.' },
];

export const REQUEST_TEMPLATES: readonly Template[] = [
  { title: 'Access to {app}', description: 'Please grant read access to {app} for a new team member in {site}; access needed within {n} days.' },
  { title: 'New {device} for new starter', description: 'New starter in {site} needs a {device} by their first day ({n} days from now).' },
  { title: 'Shared mailbox access for {site} team', description: 'Send-as access to the {site} team shared mailbox for {n} people.' },
  { title: 'Software license: {app}', description: 'Named license for {app} for an analyst in {site}; cost centre approval attached.' },
  { title: 'Temporary contractor access in {site}', description: 'Temporary access for a contractor in {site} for {n} days: network account, email and read access to the project site.' },
];

export const SECURITY_TEMPLATES: readonly Template[] = [
  { title: 'Phishing email reported by {site} staff', description: '{n} staff in {site} reported the same phishing email impersonating {app}. No clicks confirmed yet.' },
  { title: 'Impossible travel sign-in on {app}', description: 'Sign-ins to {app} from {site} and another country {n} minutes apart for one account.' },
  { title: 'MFA exception review for {site} account', description: 'Periodic review of an MFA exception for an account in {site}; exception expires in {n} days.' },
  { title: 'Malware alert on {device}', description: 'EDR quarantined a file on a {device} in {site}; {n} related alerts in the last day.' },
];

export const ENHANCEMENT_TEMPLATES: readonly Template[] = [
  { title: 'Automate {app} weekly report', description: 'The weekly {app} report takes analysts about {n} hours; automate the extract and the publishing.' },
  { title: 'Add {site} breakdown to {app} dashboard', description: 'Add a {site} breakdown to the {app} dashboard for the regional leads; {n} new measures.' },
  { title: 'Single sign-on for {app}', description: 'Move {app} to single sign-on through Okta; about {n} users affected.' },
  { title: 'Self-service password reset for {app}', description: 'Let users reset their {app} password without a call; {n} calls a month today.' },
];

export const APPS: readonly string[] = ['SAP S/4HANA Finance', 'Salesforce', 'Workday', 'Power BI', 'Microsoft Teams', 'Exchange Online', 'Jira', 'Confluence', 'ServiceNow portal', 'Concur'];
export const SITES: readonly string[] = ['Dublin', 'London', 'Frankfurt', 'Berlin', 'Amsterdam', 'Lisbon', 'Paris', 'Milan', 'Manchester', 'Madrid'];
export const DEVICES: readonly string[] = ['docking station', 'laptop', 'headset', 'monitor', 'smart card reader', 'mobile phone'];

export const GENERIC_NOTES: readonly string[] = [
  'Contacted the caller; reproduced the issue and collected logs.',
  'Checked recent changes: none on the affected service in the last 7 days.',
  'Escalated to the second-line team with the collected evidence.',
  'Waiting for the caller to confirm the workaround.',
  'Vendor case opened; reference in the attachments.',
  'Monitoring shows the service healthy since the last change.',
  'Approval requested from the line manager.',
  'Provisioning prepared; waiting for approval before any change.',
  'Reviewed the sign-in logs for the last 30 days; no anomalies beyond the reported event.',
  'Estimated effort shared with the product owner; sequencing decision pending.',
];

export const CLOSE_NOTES: readonly string[] = [
  'Cleared the local cache and restarted the client; confirmed working with the caller.',
  'Vendor fix applied; monitored for 48 hours without recurrence.',
  'Configuration corrected to the documented standard; caller confirmed.',
  'Could not reproduce after the weekend maintenance; closed with the caller’s agreement.',
];

export function fill(text: string, app: string, site: string, n: number, device: string): string {
  return text.replace(/\{app\}/g, app).replace(/\{site\}/g, site).replace(/\{n\}/g, String(n)).replace(/\{device\}/g, device);
}
