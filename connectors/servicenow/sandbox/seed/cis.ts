/** Configuration items the seed's tickets point at (cmdb_ci). "Legacy Print Server PRN-07" has no owner on purpose. */
import type { Seeder } from './seeder.js';

export interface CiSeed {
  readonly name: string;
  readonly cls: string;
  readonly description: string;
  readonly owner?: string;
  readonly managedBy?: string;
  readonly group?: string;
  readonly vendor?: string;
  readonly fqdn?: string;
  readonly ip?: string;
  readonly location?: string;
  readonly category: string;
}

export const CIS: readonly CiSeed[] = [
  { name: 'VPN Gateway EU-West', cls: 'cmdb_ci_netgear', category: 'Network', description: 'Remote-access VPN gateway pair for EU staff (active/passive), 1 Gbps upstream on circuit TC-FRA-0092231', owner: 'irene.costa', managedBy: 'raj.patel', group: 'Network Operations', vendor: 'Palo Alto Networks', fqdn: 'vpn-euw.corp.example.com', ip: '10.42.0.10', location: 'Frankfurt DC2' },
  { name: 'VPN Gateway US-East', cls: 'cmdb_ci_netgear', category: 'Network', description: 'Remote-access VPN gateway for US staff; EU fallback profile', owner: 'irene.costa', managedBy: 'raj.patel', group: 'Network Operations', vendor: 'Palo Alto Networks', fqdn: 'vpn-use.corp.example.com', ip: '10.52.0.10', location: 'Ashburn DC1' },
  { name: 'Okta MFA', cls: 'cmdb_ci_service', category: 'Security', description: 'Workforce identity: single sign-on and multi-factor authentication', owner: 'samira.haddad', group: 'Security Operations', vendor: 'Okta' },
  { name: 'Leadership Dashboard', cls: 'cmdb_ci_appl', category: 'Reporting', description: 'Weekly leadership KPI pack in Power BI', owner: 'oliver.grant', group: 'Analytics Platform', vendor: 'Microsoft' },
  { name: 'Finance Data Warehouse', cls: 'cmdb_ci_database', category: 'Data', description: 'Nightly-loaded finance actuals and forecasts', owner: 'oliver.grant', group: 'Analytics Platform', fqdn: 'fdw.corp.example.com' },
  { name: 'SAP S/4HANA Finance', cls: 'cmdb_ci_appl', category: 'ERP', description: 'General ledger, accounts payable and receivable', owner: 'dana.whitfield', group: 'Access Management', vendor: 'SAP' },
  { name: 'Payroll Engine', cls: 'cmdb_ci_appl', category: 'HR', description: 'Monthly and contractor payroll runs', owner: 'hiro.tanaka', group: 'Payroll Systems' },
  { name: 'eDiscovery Vault', cls: 'cmdb_ci_appl', category: 'Legal', description: 'Legal hold mailbox and file preservation', owner: 'grace.obi', group: 'Legal Hold' },
  { name: 'Microsoft Teams', cls: 'cmdb_ci_service', category: 'Collaboration', description: 'Chat, meetings and calls', owner: 'irene.costa', group: 'Service Desk', vendor: 'Microsoft' },
  { name: 'Exchange Online', cls: 'cmdb_ci_service', category: 'Collaboration', description: 'Corporate email', owner: 'irene.costa', group: 'Service Desk', vendor: 'Microsoft' },
  { name: 'Corporate Laptop Fleet', cls: 'cmdb_ci', category: 'Hardware', description: 'Standard-image laptops', group: 'Service Desk' },
  { name: 'Legacy Print Server PRN-07', cls: 'cmdb_ci', category: 'Hardware', description: 'Print queues for the Dublin office, 3rd floor', location: 'Dublin' },
];

export function seedCis(seed: Seeder): void {
  for (const ci of CIS) {
    seed.put('cmdb_ci', ci.name, {
      name: ci.name,
      sys_class_name: ci.cls,
      short_description: ci.description,
      category: ci.category,
      owned_by: ci.owner === undefined ? '' : seed.user(ci.owner),
      managed_by: ci.managedBy === undefined ? '' : seed.user(ci.managedBy),
      support_group: ci.group === undefined ? '' : seed.group(ci.group),
      environment: 'Production',
      vendor: ci.vendor ?? '',
      fqdn: ci.fqdn ?? '',
      ip_address: ci.ip ?? '',
      location: ci.location ?? '',
    });
  }
}
