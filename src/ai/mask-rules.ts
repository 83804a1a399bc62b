/**
 * What the masker recognises as a secret, and which part of a match is the
 * secret. The formats follow gitleaks' rule set (github.com/gitleaks/gitleaks,
 * config/gitleaks.toml at b58d3f1, MIT licence), the maintained reference
 * for what credentials look like; the patterns are written here, for ticket
 * text rather than source code, and so are the rules for labels, commands
 * and recovery codes, which gitleaks does not have.
 *
 * Order matters: whole blocks and URLs first, then tokens with a known
 * prefix, authorization values and command lines, then labelled values, so a
 * value is masked once, by its most specific rule (a later rule skips what
 * already is a placeholder).
 */
import type { MaskKind } from './config.js';
import { labelledValueIsSecret } from './mask-entropy.js';

/** One match: the whole match, then its groups (undefined where a group did not take part). */
export type Match = readonly (string | undefined)[];

export interface MaskRule {
  readonly kind: MaskKind;
  /** A cheap test the text must pass before the pattern runs. */
  readonly hint?: RegExp;
  /** Global. */
  readonly pattern: RegExp;
  /** The secrets in a match, each a substring of it, in order; none: leave the match. */
  readonly secrets: (match: Match, after: string) => readonly string[];
}

const whole = (m: Match): readonly string[] => (m[0] === undefined ? [] : [m[0]]);
const group = (n: number) => (m: Match): readonly string[] => {
  const found = m.slice(n).find((g) => g !== undefined && g !== '');
  return found === undefined ? [] : [found];
};

/**
 * Tokens with a known prefix (gitleaks' rules by vendor): whole tokens only,
 * long enough that prose never matches; where gitleaks gives an exact length
 * this takes it as a minimum, so a token one character off is still masked.
 */
const API_KEY_PREFIXES = [
  'sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\\d\\d-)?[A-Za-z0-9_-]{20,}', // OpenAI, Anthropic
  '(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}', // Stripe secret and restricted keys
  'whsec_[A-Za-z0-9]{20,}', // Stripe webhook signing secret
  '(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[0-9A-Z]{16}', // AWS access key id
  'AIza[0-9A-Za-z_-]{35,}', // Google API key
  'SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}', // SendGrid
  'SK[0-9a-fA-F]{32,}', // Twilio API key
  'key-[0-9a-f]{32,}', // Mailgun
  'xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}', // Brevo (Sendinblue)
  'dapi[a-f0-9]{32,}(?:-\\d)?', // Databricks
  'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', // Postman
  'lin_api_[A-Za-z0-9]{40,}', // Linear
  'pul-[a-f0-9]{40,}', // Pulumi
  'NRAK-[A-Z0-9]{27}', // New Relic
  'HRKU-AA[0-9A-Za-z_-]{58}', // Heroku
  'ATATT3[A-Za-z0-9_=-]{50,}', // Atlassian API token
  'sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}', // Square
  'dp\\.pt\\.[A-Za-z0-9]{40,}', // Doppler
];
const TOKEN_PREFIXES = [
  'gh[pousr]_[A-Za-z0-9]{30,255}', // GitHub tokens
  'github_pat_[A-Za-z0-9_]{22,255}', // GitHub fine-grained token
  'gl(?:pat|dt|rt|ptt|cbt|ft|imt|oas|soat|agent|ffct)-[A-Za-z0-9_-]{20,}', // GitLab
  'xox[abposer]-[A-Za-z0-9-]{10,}', // Slack tokens
  'xapp-\\d-[A-Za-z0-9-]{10,}', // Slack app token
  'npm_[A-Za-z0-9]{36,}', // npm
  'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}', // PyPI
  'hf_[A-Za-z0-9]{34,}', // Hugging Face
  'do[opr]_v1_[a-f0-9]{64,}', // DigitalOcean
  'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32,}', // Shopify
  'hv[sb]\\.[A-Za-z0-9_-]{24,}', // HashiCorp Vault
  'dckr_pat_[A-Za-z0-9_-]{20,}', // Docker Hub
  'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', // Grafana service account
  'glc_[A-Za-z0-9+/]{32,}={0,3}', // Grafana Cloud
  'sntry[su]_[A-Za-z0-9+/=_]{20,}', // Sentry
  'ntn_[A-Za-z0-9]{40,}', // Notion
  'ops_eyJ[A-Za-z0-9+/]{100,}={0,3}', // 1Password service account
  '\\d{8,10}:AA[A-Za-z0-9_-]{33}', // Telegram bot
];

/** Webhook URLs: the URL is the credential. */
const WEBHOOKS = [
  'https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}',
  'https://[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/[^\\s"\'<>]+',
  'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[A-Za-z0-9_-]{20,}',
  'https://hooks\\.zapier\\.com/hooks/catch/\\d+/[A-Za-z0-9]+/?',
];

/** Labels whose value is a password; the short ones only with a separator ("PW: …"). */
const PASSWORD_LABELS = 'password|passwd|passwort|pwd|passcode|passphrase|kennwort|mot de passe|contraseña|contrasena|senha|parola d[ei] accesso|wachtwoord|hasło|haslo|lösenord|losenord|adgangskode|salasana';
const PASSWORD_SHORT_LABELS = 'pass|pw|pswd';
const SECRET_LABELS = 'api[ _-]?key|apikey|x-api-key|subscription[ _-]?key|client[ _-]?secret|secret[ _-]?key|access[ _-]?key|shared[ _-]?secret|app[ _-]?secret|consumer[ _-]?secret|signing[ _-]?key|encryption[ _-]?key|master[ _-]?key|account[ _-]?key|(?:wi-?fi|wpa2?)[ _-]?(?:key|password|passphrase)|pre-?shared[ _-]?key|psk|secret';
const TOKEN_LABELS = 'access[ _-]?token|refresh[ _-]?token|id[ _-]?token|auth[ _-]?token|bot[ _-]?token|session[ _-]?(?:id|token|key)|personal access token|sas[ _-]?token|token|sas';

/** "Password for the VPN: …", "Passwort für die Freigabe: …": a short phrase that names what the secret is for. */
const FOR_WHAT = String.raw`(?:[ \t]+(?:for|of|to|on|at|für|zur|zum|pour|du|de|del|da|do|van|voor|för|på)(?:[ \t]+[\p{L}\p{N}_.-]{1,24}){1,3}?)?`;
const SEPARATOR = String.raw`["']?\s*(?:=>|:=|->|[:=>]|(?<![\p{L}\p{N}])(?:is|was|ist|est|es|era|é|è)(?![\p{L}\p{N}]))\s*`;
const VALUE = String.raw`("[^"\n]{1,200}"|'[^'\n]{1,200}'|\x60[^\x60\n]{1,200}\x60|[^\s"'\x60]{1,300})`;

/**
 * `label: value`, `label=value`, `label is value`, also quoted, judged by
 * `labelledValueIsSecret`; without a separator ("pwd Winter2025") only a
 * long label and a value mixing letters and digits. The value after `=`
 * ends at `;` or `&` (a connection string, a query string).
 */
function labelled(kind: MaskKind, labels: string, options: { short?: string; glued: string; hint: RegExp }): MaskRule {
  const any = options.short === undefined ? labels : `${labels}|${options.short}`;
  const pattern = new RegExp(String.raw`((?<![\p{L}\p{N}])(?:${any})|[\p{L}\p{N}_.-]{1,30}?(?:${options.glued}))(?![\p{L}\p{N}])(?:${FOR_WHAT}(${SEPARATOR})|[ \t]+)${VALUE}`, 'giu');
  const long = new RegExp(String.raw`^(?:${labels})$`, 'iu');
  return {
    kind,
    hint: options.hint,
    pattern,
    secrets: (m, after) => {
      const [, label = '', separator, raw = ''] = m;
      const quoted = /^["'`]/.test(raw);
      if (quoted) return raw.length > 2 && separator !== undefined ? [raw.slice(1, -1)] : [];
      if (separator === undefined) {
        // No separator ("pwd Winter2025"): only a long label, and only a value mixing letters and digits.
        return long.test(label) && /\d/.test(raw) && /\p{L}/u.test(raw) ? [raw] : [];
      }
      // After `=` the value is all that is assigned, up to `;` or `&` (a connection or query string).
      const assigned = /=\s*$/.test(separator);
      const value = (assigned ? (raw.split(/[;&]/)[0] ?? '') : raw).replace(/[.,;:?)\]}]+$/, '');
      const alone = assigned || !/[\p{L}\p{N}]/u.test(`${raw.slice(value.length)}${after.split('\n', 1)[0] ?? ''}`);
      return labelledValueIsSecret(value, alone) ? [value] : [];
    },
  };
}

/**
 * A recovery, backup or one-time code list: the codes after the label, each
 * of at least six characters with a digit in it (`a1b2c-3d4e5`,
 * `ABCD1-…-WXYZ5`, `1234 5678`), in a line, a comma list or a numbered list.
 */
const CODE_ITEM = String.raw`[\s,;]*(?:(?:[-*•]|\d{1,2}[.)])[ \t]+)?(?:\d{4}[ -]\d{4}|\d{3}[ -]\d{3}|(?=[A-Za-z0-9-]{6})(?=[A-Za-z-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)(?![\p{L}\p{N}])`;
const CODE = new RegExp(String.raw`[\s,;]*(?:(?:[-*•]|\d{1,2}[.)])[ \t]+)?(\d{4}[ -]\d{4}|\d{3}[ -]\d{3}|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)`, 'uy');
function recoveryCodes(list: string): string[] {
  const codes: string[] = [];
  CODE.lastIndex = 0;
  for (let m = CODE.exec(list); m !== null; m = CODE.exec(list)) codes.push(m[1] ?? '');
  return codes.filter((c) => c !== '');
}

/** A base64 credential that decodes to `user:password`. */
function basicCredential(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x20-\x7E]+:[\x20-\x7E]+$/.test(decoded);
}

export const MASK_RULES: readonly MaskRule[] = [
  { kind: 'private_key', hint: /PRIVATE KEY/, pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g, secrets: whole },
  { kind: 'private_key', hint: /PuTTY-User-Key-File/, pattern: /PuTTY-User-Key-File-\d:[^\n]*\n(?:[^\n]*\n){0,8}?Private-Lines:\s*\d+\n((?:[A-Za-z0-9+/=]+\n?)+)/g, secrets: group(1) },
  { kind: 'token', hint: /hooks|webhook/i, pattern: new RegExp(WEBHOOKS.join('|'), 'gi'), secrets: whole },
  // scheme://user:password@host: the password (no / ? # in it, RFC 3986), up to the last @ a host follows.
  { kind: 'connection_string', hint: /:\/\/[^\s]*@/, pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:([^\s/?#]{1,256}?)@[a-z0-9-]+(?:\.[a-z0-9-]+)*(?=[:/?#\s"'<>)\]]|$)/gi, secrets: group(1) },
  { kind: 'connection_string', hint: /pwd|password/i, pattern: /\b(?:server|data source|host|address|addr|network address)\s*=[^;\n]*;[^\n]*?\b(?:password|pwd)\s*=\s*([^;\n]+)/gi, secrets: group(1) },
  { kind: 'connection_string', hint: /Shared|AccountKey/i, pattern: /\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|SharedSecret)\s*=\s*([^;\s"']{10,})/gi, secrets: group(1) },
  // Credentials in a query string (SAS signatures, access tokens, keys).
  { kind: 'token', hint: /[?&]/, pattern: /[?&](?:sig|signature|access_token|token|api[_-]?key|apikey|client_secret|password|pwd|secret)=([^&\s#"'<>]{8,})/gi, secrets: group(1) },
  { kind: 'token', hint: /eyJ/, pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, secrets: whole },
  { kind: 'api_key', pattern: new RegExp(`\\b(?:${API_KEY_PREFIXES.join('|')})(?![A-Za-z0-9_-])`, 'g'), secrets: whole },
  { kind: 'token', pattern: new RegExp(`\\b(?:${TOKEN_PREFIXES.join('|')})(?![A-Za-z0-9_-])`, 'g'), secrets: whole },
  { kind: 'api_key', hint: /Q~/, pattern: /(?<![A-Za-z0-9_~.])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g, secrets: whole },
  // Authorization values: Basic (also bare, when it decodes to user:password), Bearer, any other scheme.
  { kind: 'token', hint: /basic/i, pattern: /\b(authorization\s*["']?\s*[:=]\s*["']?)?basic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gi, secrets: (m) => (m[2] !== undefined && (m[1] !== undefined || basicCredential(m[2])) ? [m[2]] : []) },
  { kind: 'token', hint: /bearer/i, pattern: /\bbearer\s+([A-Za-z0-9._~+/=-]{12,})/gi, secrets: group(1) },
  { kind: 'token', hint: /authorization/i, pattern: /\b(?:proxy-)?authorization\s*["']?\s*[:=]\s*["']?(?:[A-Za-z][A-Za-z0-9_-]*\s+)?([^\s"']{8,})/gi, secrets: (m) => (m[1] === undefined || m[1].includes('[masked-') ? [] : [m[1]]) },
  // Passwords on command lines.
  { kind: 'password', hint: /mysql|mariadb/, pattern: /\b(?:mysql|mysqldump|mysqladmin|mysqlsh|mariadb|mariadb-dump)\b[^\n]{0,300}?\s-p(?:'([^'\n]+)'|"([^"\n]+)"|([^\s'"]+))/g, secrets: group(1) },
  { kind: 'password', hint: /sshpass/, pattern: /\bsshpass\s+-p\s*(?:'([^'\n]+)'|"([^"\n]+)"|(\S+))/g, secrets: group(1) },
  { kind: 'password', hint: /curl/, pattern: /\bcurl\b[^\n]{0,300}?\s(?:-u|--user)(?:\s+|=)(['"]?)[^\s:'"]*:([^\s'"]+)\1/g, secrets: group(2) },
  { kind: 'password', hint: /SecureString/i, pattern: /ConvertTo-SecureString\s+(?:-String\s+)?(['"])([^'"\n]+)\1\s+-AsPlainText/gi, secrets: group(2) },
  { kind: 'password', hint: /net\s+user/i, pattern: /\bnet\s+user\s+[^\s/]+\s+([^\s/*][^\s]*)/gi, secrets: (m) => (m[1] !== undefined && labelledValueIsSecret(m[1], false) ? [m[1]] : []) },
  // Recovery, backup and one-time codes: each code in the list after the label.
  {
    kind: 'password',
    hint: /code|key/i,
    pattern: new RegExp(String.raw`\b(?:recovery|backup|scratch|emergency|one[- ]time|2fa|mfa|two[- ]factor)[ _-]?(?:codes?|keys?)\b[^\S\n]*(?:\(\d+\))?[^\S\n]*(?:[:=]|are|were)?((?:${CODE_ITEM}){1,40})`, 'giu'),
    secrets: (m) => recoveryCodes(m[1] ?? ''),
  },
  // `glued`: labels that may be glued to what comes before them (AZURE_CLIENT_SECRET=, aws_session_token:, PGPASSWORD=, bindPassword:), with a separator only.
  labelled('api_key', SECRET_LABELS, { glued: 'secret|apikey|api_key', hint: /key|secret|psk/i }),
  labelled('token', TOKEN_LABELS, { glued: 'token', hint: /token|session|sas/i }),
  labelled('password', PASSWORD_LABELS, { short: PASSWORD_SHORT_LABELS, glued: 'password|passwd|pwd', hint: /pass|pwd|pw|pswd|kennwort|mot de passe|contrase|senha|parola|wachtwoord|has[lł]o|l[oö]senord|adgangskode|salasana/i }),
  { kind: 'email', hint: /@/, pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, secrets: whole },
  {
    kind: 'phone',
    hint: /\d[\d\s().-]{6,}\d/,
    pattern: /(?<![\p{L}\p{N}.:/-])(?:\+|00|\()?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}]|[.:/-]\d)/gu,
    secrets: (m) => (m[0] !== undefined && isPhone(m[0]) ? [m[0]] : []),
  },
];

/** Digits 8–15, not a date, time, IP address, version or plain long number without separators or a plus. */
function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(value) || /\d{1,2}:\d{2}/.test(value) || /^\d+(?:\.\d+){2,}$/.test(value)) return false;
  return value.startsWith('+') || value.startsWith('00') || value.startsWith('(') || /[\s().-]/.test(value.trim());
}
