#!/usr/bin/env node
// `npm test` builds the ServiceNow app (connectors/servicenow/app), which has
// its own package with the ServiceNow SDK, kept out of the main install. This
// installs it once, from its lock file, when it is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('../connectors/servicenow/app/', import.meta.url));
if (!existsSync(`${app}node_modules/@servicenow/sdk`)) {
  console.log('installing the ServiceNow app\'s own dependencies (npm ci --prefix connectors/servicenow/app) ...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', app], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
