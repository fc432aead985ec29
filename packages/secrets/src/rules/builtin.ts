import type { Severity } from '@devsecops/core';

import type { SecretRule } from './types.js';

/*
 * Built-in credential rules, one per token type, written from each provider's published token
 * format (prefixes, lengths, alphabets). Where a token has no distinctive prefix, the rule
 * requires the provider's name nearby and gates the value by entropy.
 *
 * Pattern conventions: `B` is a left boundary (no word character before, or the end of an ANSI
 * colour sequence, as in coloured logs), `E` a right
 * boundary. The `secret` named group, when present, is the credential; otherwise the whole
 * match is.
 */

// One lookbehind (a word character not ending an ANSI colour code): an alternation of two
// lookbehinds would stop V8 from searching for the literal that follows, about 10x slower.
const B = '(?<![A-Za-z0-9_](?<!\\x1b\\[[0-9;]{1,8}m))';
const E = '(?![A-Za-z0-9_])';
/** Up to 40 characters of the same line between a provider's name and its value. */
const NEAR = "[\\w.\\- \"'`]{0,40}?(?:[:=]|=>|:=)\\s*[\"'`]?";

function rule(
  id: string,
  title: string,
  severity: Severity,
  keywords: string[],
  source: string,
  options: Partial<Pick<SecretRule, 'minEntropy' | 'hexMinEntropy' | 'keyBlock' | 'reject' | 'helpUri'>> & { flags?: string } = {}
): SecretRule {
  const { flags = '', ...rest } = options;
  return { id, title, severity, keywords, pattern: new RegExp(source, flags), ...rest };
}

/** A token with a fixed prefix followed by `body` (a character class with a length). */
function prefixed(id: string, title: string, severity: Severity, prefix: string, body: string, minEntropy?: number): SecretRule {
  return rule(id, title, severity, [prefix.toLowerCase()], `${B}${escapeRegExp(prefix)}${body}${E}`, minEntropy === undefined ? {} : { minEntropy });
}

/** A value of `value` form within 40 characters after one of `names` on the same line. */
function named(id: string, title: string, severity: Severity, names: string[], value: string, minEntropy: number): SecretRule {
  const alternatives = names.map(escapeRegExp).join('|');
  return rule(id, title, severity, names.map((name) => name.toLowerCase()), `(?:${alternatives})${NEAR}(?<secret>${value})${E}`, {
    flags: 'i',
    minEntropy
  });
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC32_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let value = byte;
  for (let bit = 0; bit < 8; bit++) {
    value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  }
  return value >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let index = 0; index < text.length; index++) {
    crc = CRC32_TABLE[(crc ^ text.charCodeAt(index)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Returns true when a GitHub token's last 6 characters are the base-62 CRC32 of the characters
 * between the prefix and them, the checksum of the token format GitHub introduced in 2021.
 */
export function hasGitHubChecksum(token: string): boolean {
  const body = token.slice(4, -6);
  let value = crc32(body);
  let encoded = '';
  for (let digit = 0; digit < 6; digit++) {
    encoded = BASE62[value % 62]! + encoded;
    value = Math.floor(value / 62);
  }
  return token.endsWith(encoded);
}

/**
 * Builds the rule for a GitHub token of the 2021 format: the prefix and 36 characters, or any
 * length from 30 when the checksum verifies, because GitHub may issue longer tokens (up to 255
 * characters).
 */
function githubToken(id: string, title: string, prefix: string): SecretRule {
  return rule(id, title, 'critical', [prefix], `${B}${prefix}[A-Za-z0-9]{30,251}${E}`, {
    reject: (secret) => secret.length !== prefix.length + 36 && !hasGitHubChecksum(secret)
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const HEX32 = '[a-f0-9]{32}';

export const BUILTIN_RULES: SecretRule[] = [
  // Cloud providers.
  rule('aws-access-key-id', 'AWS access key ID', 'critical', ['akia', 'asia', 'abia', 'acca', 'a3t'], `${B}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${E}`, {
    helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html'
  }),
  rule(
    'aws-secret-access-key',
    'AWS secret access key',
    'critical',
    ['aws_secret', 'aws-secret', 'awssecret', 'secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_sk'],
    `(?:aws[_-]?secret(?:[_-]?access)?[_-]?key|secret[_-]?access[_-]?key|aws[_-]?sk)[\\w"'\\]]{0,8}\\s*(?:[:=]|=>|:=)\\s*["'\`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`,
    { flags: 'i', minEntropy: 3.5 }
  ),
  prefixed('aws-session-token', 'AWS session token', 'high', 'IQoJb3JpZ2luX2Vj', '[A-Za-z0-9/+=]{100,}'),
  // The prefix is distinctive, so the UUID-shaped body is not held to hexadecimal digits.
  rule('aws-mws-key', 'Amazon MWS auth token', 'high', ['amzn.mws.'], `amzn\\.mws\\.[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}${E}`, { flags: 'i' }),
  prefixed('aws-bedrock-api-key', 'Amazon Bedrock API key', 'high', 'ABSK', '[A-Za-z0-9+/]{100,}={0,2}'),
  prefixed('aws-bedrock-short-term-api-key', 'Amazon Bedrock short-term API key', 'high', 'bedrock-api-key-', '[A-Za-z0-9+/]{32,}={0,2}', 3.5),
  prefixed('gcp-api-key', 'Google API key', 'high', 'AIza', '[0-9A-Za-z_-]{35}', 3.0),
  rule('gcp-service-account-key', 'Google Cloud service account private key ID', 'critical', ['private_key_id'], `"private_key_id"\\s*:\\s*"(?<secret>[a-f0-9]{40})"`),
  prefixed('google-oauth-client-secret', 'Google OAuth client secret', 'high', 'GOCSPX-', '[A-Za-z0-9_-]{28}'),
  prefixed('google-oauth-access-token', 'Google OAuth access token', 'high', 'ya29.', '[0-9A-Za-z_-]{30,}', 3.5),
  rule('google-oauth-refresh-token', 'Google OAuth refresh token', 'high', ['1//0'], `${B}1//0[0-9A-Za-z_-]{40,}${E}`, { minEntropy: 3.5 }),
  rule('firebase-cloud-messaging-key', 'Firebase Cloud Messaging server key', 'high', ['apa91b'], `${B}AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}${E}`),
  rule('azure-storage-account-key', 'Azure storage account key', 'critical', ['accountkey='], `AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)`, { flags: 'i' }),
  rule('azure-shared-access-key', 'Azure shared access key in a connection string', 'critical', ['sharedaccesskey='], `SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,44}=)`, { flags: 'i' }),
  rule('azure-sas-token', 'Azure shared access signature', 'high', ['sig='], `[?&]sv=\\d{4}-\\d\\d-\\d\\d[^\\s"'<>]{0,300}?&sig=(?<secret>[A-Za-z0-9%+/]{43,}(?:%3D|=))`, { flags: 'i' }),
  // Microsoft's identifiable keys (Azure AI services, Web PubSub, Azure DevOps and others): 52
  // random characters, the fixed signature JQQJ99, then service and date characters.
  rule('azure-identifiable-key', 'Azure identifiable service key', 'critical', ['jqqj99'], `${B}[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{24,30}={0,2}(?![A-Za-z0-9+/=])`, { minEntropy: 3.5 }),
  rule('azure-ad-client-secret', 'Microsoft Entra ID client secret', 'high', ['q~'], `${B}(?<secret>[A-Za-z0-9_~.-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`, { minEntropy: 3.5 }),
  rule('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', 'high', ['ltai'], `${B}LTAI[A-Za-z0-9]{12,20}${E}`, { minEntropy: 3.0 }),
  named('alibaba-access-key-secret', 'Alibaba Cloud AccessKey secret', 'critical', ['alibaba', 'aliyun', 'alicloud'], '[A-Za-z0-9]{30}', 3.5),
  prefixed('digitalocean-pat', 'DigitalOcean personal access token', 'high', 'dop_v1_', '[a-f0-9]{64}'),
  prefixed('digitalocean-oauth-token', 'DigitalOcean OAuth access token', 'high', 'doo_v1_', '[a-f0-9]{64}'),
  prefixed('digitalocean-refresh-token', 'DigitalOcean OAuth refresh token', 'high', 'dor_v1_', '[a-f0-9]{64}'),
  named('heroku-api-key', 'Heroku API key', 'high', ['heroku'], UUID, 3.0),
  // HRKU- and 60 characters, or HRKU- in front of a legacy UUID key.
  rule('heroku-platform-token', 'Heroku platform API token', 'high', ['hrku-'], `${B}HRKU-(?:[A-Za-z0-9_-]{60}|${UUID})${E}`),
  named('cloudflare-api-token', 'Cloudflare API token', 'high', ['cloudflare', 'cf_api_token', 'cf_token'], '[A-Za-z0-9_-]{40}', 3.5),
  named('cloudflare-global-api-key', 'Cloudflare global API key', 'high', ['cloudflare', 'cf_api_key'], '[a-f0-9]{37}', 3.0),
  rule('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', 'high', ['v1.0-'], `${B}v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}${E}`),
  rule('databricks-token', 'Databricks personal access token', 'high', ['dapi'], `${B}dapi[a-f0-9]{32}(?:-\\d)?${E}`, { minEntropy: 3.0 }),
  rule('terraform-cloud-token', 'HashiCorp Terraform Cloud API token', 'high', ['.atlasv1.'], `${B}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}${E}`),
  rule('vault-service-token', 'HashiCorp Vault service token', 'high', ['hvs.'], `${B}hvs\\.[A-Za-z0-9_-]{90,120}${E}`),
  rule('vault-batch-token', 'HashiCorp Vault batch token', 'high', ['hvb.'], `${B}hvb\\.[A-Za-z0-9_-]{138,300}${E}`),
  rule('doppler-token', 'Doppler token', 'high', ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], `${B}dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}${E}`),
  prefixed('pulumi-access-token', 'Pulumi access token', 'high', 'pul-', '[a-f0-9]{40}'),
  prefixed('netlify-pat', 'Netlify personal access token', 'high', 'nfp_', '[A-Za-z0-9]{36}'),
  named('netlify-token', 'Netlify access token', 'high', ['netlify'], '[A-Za-z0-9_-]{40,46}', 3.5),
  named('vercel-token', 'Vercel access token', 'high', ['vercel'], '[A-Za-z0-9]{24}', 3.5),
  rule('supabase-service-key', 'Supabase personal access token', 'high', ['sbp_'], `${B}sbp_(?:v0_)?[a-f0-9]{40}${E}`),
  prefixed('supabase-secret-key', 'Supabase secret API key', 'high', 'sb_secret_', '[A-Za-z0-9_-]{31,}'),
  rule('planetscale-token', 'PlanetScale token or password', 'high', ['pscale_'], `${B}pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,64}${E}`),
  prefixed('neon-api-key', 'Neon API key', 'high', 'napi_', '[a-z0-9]{64}'),
  prefixed('render-api-key', 'Render API key', 'high', 'rnd_', '[A-Za-z0-9]{32}'),
  rule('flyio-token', 'Fly.io access token', 'high', ['fm1_', 'fm2_', 'fo1_'], `${B}(?:fm1r|fm1a|fm2|fo1)_[A-Za-z0-9+/=_,-]{100,}`),
  prefixed('scalingo-token', 'Scalingo API token', 'high', 'tk-us-', '[A-Za-z0-9_-]{48}'),

  // Source hosting and CI.
  githubToken('github-pat', 'GitHub personal access token (classic)', 'ghp_'),
  prefixed('github-fine-grained-pat', 'GitHub fine-grained personal access token', 'critical', 'github_pat_', '[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
  githubToken('github-oauth-token', 'GitHub OAuth access token', 'gho_'),
  githubToken('github-user-to-server-token', 'GitHub App user access token', 'ghu_'),
  githubToken('github-app-installation-token', 'GitHub App installation access token', 'ghs_'),
  // Stateless installation tokens (from 2026): ghs_ and a JWT, about 520 characters with two dots.
  rule('github-app-installation-jwt', 'GitHub App installation access token (stateless)', 'critical', ['ghs_'], `${B}ghs_[A-Za-z0-9_]{0,40}?eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}${E}`),
  prefixed('github-refresh-token', 'GitHub App refresh token', 'critical', 'ghr_', '[A-Za-z0-9]{36,76}'),
  prefixed('gitlab-pat', 'GitLab personal, project or group access token', 'critical', 'glpat-', '[A-Za-z0-9_.-]{20,}'),
  prefixed('gitlab-deploy-token', 'GitLab deploy token', 'high', 'gldt-', '[A-Za-z0-9_-]{20,}'),
  rule('gitlab-runner-token', 'GitLab runner authentication token', 'high', ['glrt-', 'glrtr-'], `${B}glrtr?-[A-Za-z0-9_.-]{20,}${E}`),
  prefixed('gitlab-workspace-token', 'GitLab workspace token', 'high', 'glwt-', '[A-Za-z0-9_-]{20,}'),
  rule('gitlab-session-cookie', 'GitLab session cookie', 'high', ['_gitlab_session='], `_gitlab_session=(?<secret>[a-f0-9]{32})${E}`),
  prefixed('gitlab-runner-registration-token', 'GitLab runner registration token', 'high', 'GR1348941', '[A-Za-z0-9_-]{20,}'),
  prefixed('gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', 'high', 'glptt-', '[a-f0-9]{40}'),
  prefixed('gitlab-feed-token', 'GitLab feed token', 'medium', 'glft-', '[A-Za-z0-9_-]{20,}'),
  prefixed('gitlab-oauth-secret', 'GitLab OAuth application secret', 'high', 'gloas-', '[A-Za-z0-9_-]{64}'),
  prefixed('gitlab-scim-token', 'GitLab SCIM token', 'high', 'glsoat-', '[A-Za-z0-9_-]{20,}'),
  prefixed('gitlab-ci-job-token', 'GitLab CI/CD job token', 'high', 'glcbt-', '[A-Za-z0-9_-]{20,}'),
  prefixed('gitlab-incoming-mail-token', 'GitLab incoming mail token', 'medium', 'glimt-', '[A-Za-z0-9_-]{25}'),
  prefixed('gitlab-agent-token', 'GitLab agent for Kubernetes token', 'high', 'glagent-', '[A-Za-z0-9_-]{50}'),
  prefixed('gitlab-feature-flags-token', 'GitLab feature flags client token', 'medium', 'glffct-', '[A-Za-z0-9_-]{20}'),
  // The token ends in '=' and an 8-hex checksum. The '=' may be escaped (\\= or %3D) in files.
  prefixed('atlassian-api-token', 'Atlassian API token', 'high', 'ATATT3', '(?:[A-Za-z0-9_=-]{180,}|[A-Za-z0-9_-]{150,}(?:\\\\=|%3[Dd])[A-Fa-f0-9]{8})'),
  prefixed('bitbucket-access-token', 'Bitbucket repository, project or workspace access token', 'high', 'ATCTT3', '[A-Za-z0-9_=-]{180,}'),
  prefixed('bitbucket-app-password', 'Bitbucket app password', 'high', 'ATBB', '[A-Za-z0-9_=.-]{32}'),
  named('atlassian-data-center-pat', 'Jira or Confluence Data Center personal access token', 'high', ['jira', 'confluence', 'atlassian', 'bitbucket'], '[MNO][A-Za-z0-9+/]{43}', 4.0),
  prefixed('circleci-pat', 'CircleCI personal API token', 'high', 'CCIPAT_', '[A-Za-z0-9]{22}_[a-f0-9]{40}'),
  prefixed('buildkite-token', 'Buildkite agent or API token', 'high', 'bkua_', '[a-f0-9]{40}'),
  rule('sourcegraph-token', 'Sourcegraph access token', 'high', ['sgp_'], `${B}sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}${E}`),
  rule('sonarqube-token', 'SonarQube token', 'high', ['sqp_', 'squ_', 'sqa_'], `${B}sq[pua]_[a-f0-9]{40}${E}`),
  rule('harness-pat', 'Harness personal access token', 'high', ['pat.', 'sat.'], `${B}(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20}${E}`),
  prefixed('octopus-deploy-api-key', 'Octopus Deploy API key', 'high', 'API-', '[A-Z0-9]{26}', 3.0),
  prefixed('infracost-api-key', 'Infracost API key', 'medium', 'ico-', '[A-Za-z0-9]{32}'),
  prefixed('prefect-api-key', 'Prefect API key', 'high', 'pnu_', '[A-Za-z0-9]{36}'),

  // Package registries.
  prefixed('npm-access-token', 'npm access token', 'critical', 'npm_', '[A-Za-z0-9]{36}', 3.5),
  prefixed('pypi-upload-token', 'PyPI upload token', 'critical', 'pypi-AgEIcHlwaS5vcmc', '[A-Za-z0-9_-]{50,}'),
  prefixed('pypi-test-upload-token', 'TestPyPI upload token', 'medium', 'pypi-AgENdGVzdC5weXBpLm9yZw', '[A-Za-z0-9_-]{50,}'),
  prefixed('nuget-api-key', 'NuGet API key', 'critical', 'oy2', '[a-z0-9]{43}', 3.5),
  prefixed('rubygems-api-key', 'RubyGems API key', 'critical', 'rubygems_', '[a-f0-9]{48}'),
  prefixed('clojars-deploy-token', 'Clojars deploy token', 'high', 'CLOJARS_', '[a-z0-9]{60}'),
  rule('docker-hub-token', 'Docker Hub access token', 'high', ['dckr_pat_', 'dckr_oat_'], `${B}dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}${E}`),
  rule('docker-config-auth', 'Registry credentials in a Docker config file', 'high', ['"auth"'], `"auth"\\s*:\\s*"(?<secret>[A-Za-z0-9+/]{16,}={0,2})"`, { minEntropy: 3.0 }),
  prefixed('jfrog-api-key', 'JFrog Artifactory API key', 'high', 'AKCp', '[A-Za-z0-9]{69}'),
  prefixed('jfrog-identity-token', 'JFrog identity or reference token', 'high', 'cmVmdGtuOjAxOj', '[A-Za-z0-9]{40,}'),
  prefixed('crates-io-token', 'crates.io API token', 'high', 'cio', '[A-Za-z0-9]{32}', 4.0),
  rule('shopify-token', 'Shopify access token or shared secret', 'high', ['shpat_', 'shpca_', 'shppa_', 'shpss_'], `${B}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${E}`),
  rule('rubygems-credentials-file', 'RubyGems API key in a credentials file', 'high', [':rubygems_api_key:'], `:rubygems_api_key:\\s*(?<secret>[a-f0-9]{32})${E}`),
  rule('pip-index-url-password', 'Password in a pip index URL', 'high', ['index-url'], `index-url[ \\t]{0,10}=?[ \\t]{0,10}https?://[^\\s:@/]{1,64}:(?<secret>[^\\s@/]{3,128})@`, { flags: 'i' }),

  // Chat, mail and messaging.
  rule('slack-bot-token', 'Slack bot token', 'high', ['xoxb-'], `${B}xoxb-[0-9]{10,13}-[0-9]{10,13}-?[A-Za-z0-9-]{20,34}${E}`),
  rule('slack-user-token', 'Slack user or rotating refresh token', 'high', ['xoxp-', 'xoxe-'], `${B}xox[pe](?:(?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}|-1-[A-Za-z0-9_-]{100,})${E}`),
  rule('slack-app-token', 'Slack app-level token', 'high', ['xapp-'], `${B}xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+${E}`, { flags: 'i' }),
  rule('slack-config-token', 'Slack configuration token', 'high', ['xoxe.xox'], `${B}xoxe\\.xox[bp]-\\d-[A-Z0-9]{163,166}${E}`, { flags: 'i' }),
  rule('slack-legacy-token', 'Slack legacy token', 'high', ['xoxo-', 'xoxs-', 'xoxa-', 'xoxr-'], `${B}xox[osar]-\\d+-[0-9A-Za-z-]{8,}${E}`),
  rule('slack-webhook-url', 'Slack incoming webhook URL', 'high', ['hooks.slack.com/'], `hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}`),
  rule('discord-webhook-url', 'Discord webhook URL', 'high', ['/api/webhooks/'], `discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}`),
  named('discord-bot-token', 'Discord bot token', 'high', ['discord', 'bot_token'], '[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}', 3.5),
  rule('telegram-bot-token', 'Telegram Bot API token', 'high', [':aa'], `${B}[0-9]{8,10}:AA[A-Za-z0-9_-]{33}${E}`),
  rule('microsoft-teams-webhook', 'Microsoft Teams incoming webhook URL', 'high', ['webhook.office.com/'], `https://[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID}`),
  rule('google-chat-webhook', 'Google Chat webhook URL', 'medium', ['chat.googleapis.com'], `chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{40,}`),
  rule('zapier-webhook', 'Zapier webhook URL', 'medium', ['hooks.zapier.com'], `hooks\\.zapier\\.com/hooks/catch/[0-9]+/[a-z0-9]+/?`),
  prefixed('twilio-api-key', 'Twilio API key SID', 'high', 'SK', '(?:[0-9a-f]{32}|[0-9A-F]{32})', 3.0),
  named('twilio-auth-token', 'Twilio auth token', 'high', ['twilio'], HEX32, 3.0),
  rule('sendgrid-api-key', 'SendGrid API key', 'high', ['sg.'], `${B}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${E}`),
  prefixed('mailgun-api-key', 'Mailgun API key', 'high', 'key-', '[a-f0-9]{32}'),
  named('mailgun-private-key', 'Mailgun private API key', 'high', ['mailgun'], '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}', 3.0),
  rule('mailchimp-api-key', 'Mailchimp API key', 'high', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => `-us${digit}`), `${B}[A-Za-z0-9]{32}-us[0-9]{1,2}${E}`, { minEntropy: 3.0 }),
  rule('brevo-api-key', 'Brevo (Sendinblue) API or SMTP key', 'high', ['xkeysib-', 'xsmtpsib-'], `${B}x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}${E}`),
  rule('mailersend-token', 'MailerSend API token', 'high', ['mlsn.'], `${B}mlsn\\.[a-f0-9]{64}${E}`),
  named('postmark-server-token', 'Postmark server token', 'high', ['postmark'], UUID, 3.0),

  // Payments and commerce.
  rule('stripe-secret-key', 'Stripe secret or restricted key', 'critical', ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'], `${B}[sr]k_(?:live|test)_[A-Za-z0-9]{24,247}${E}`),
  prefixed('stripe-webhook-secret', 'Stripe webhook signing secret', 'high', 'whsec_', '[A-Za-z0-9]{32,}'),
  prefixed('square-access-token', 'Square access token', 'critical', 'EAAA', '[A-Za-z0-9_-]{60}', 3.5),
  prefixed('square-oauth-secret', 'Square OAuth application secret', 'high', 'sq0csp-', '[A-Za-z0-9_-]{43}'),
  prefixed('square-legacy-access-token', 'Square legacy access token', 'high', 'sq0atp-', '[A-Za-z0-9_-]{22}'),
  rule('paypal-braintree-access-token', 'PayPal Braintree access token', 'critical', ['access_token$'], `access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}`),
  named('paypal-client-secret', 'PayPal REST client secret', 'high', ['paypal'], 'E[A-Za-z0-9_-]{79}', 4.0),
  rule('razorpay-key', 'Razorpay API key', 'medium', ['rzp_live_', 'rzp_test_'], `${B}rzp_(?:live|test)_[A-Za-z0-9]{14}${E}`),
  rule('flutterwave-secret-key', 'Flutterwave secret key', 'high', ['flwseck'], `${B}FLWSECK(?:_TEST)?-[a-f0-9]{32}-X${E}`),
  rule('shippo-token', 'Shippo API token', 'high', ['shippo_live_', 'shippo_test_'], `${B}shippo_(?:live|test)_[a-f0-9]{40}${E}`),
  prefixed('easypost-api-key', 'EasyPost API key', 'high', 'EZAK', '[a-z0-9]{54}'),
  rule('plaid-access-token', 'Plaid access token', 'high', ['access-sandbox-', 'access-development-', 'access-production-'], `${B}access-(?:sandbox|development|production)-${UUID}${E}`),
  rule('duffel-token', 'Duffel API token', 'high', ['duffel_test_', 'duffel_live_'], `${B}duffel_(?:test|live)_[A-Za-z0-9_=-]{43}${E}`),

  // Observability.
  named('datadog-api-key', 'Datadog API or application key', 'high', ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key'], '[a-f0-9]{32}(?:[a-f0-9]{8})?', 3.0),
  prefixed('newrelic-user-api-key', 'New Relic user API key', 'high', 'NRAK-', '[A-Z0-9]{27}'),
  prefixed('newrelic-insert-key', 'New Relic insert key', 'high', 'NRII-', '[A-Za-z0-9_-]{32}'),
  prefixed('newrelic-insights-query-key', 'New Relic Insights query key', 'medium', 'NRIQ-', '[A-Za-z0-9_-]{32}'),
  prefixed('newrelic-browser-key', 'New Relic browser API key', 'low', 'NRJS-', '[a-f0-9]{19}'),
  // 40 characters ending in NRAL; keys of a non-US region start with the region, such as eu01x.
  rule('newrelic-license-key', 'New Relic license (ingest) key', 'high', ['nral'], `${B}(?:[a-f0-9]{36}|[a-z]{2}[0-9]{2}x[a-f0-9]{31})NRAL${E}`),
  prefixed('sentry-user-token', 'Sentry user auth token', 'high', 'sntryu_', '[a-f0-9]{64}'),
  prefixed('sentry-org-token', 'Sentry organization auth token', 'high', 'sntrys_eyJ', '[A-Za-z0-9+/=_-]{60,}'),
  rule('grafana-cloud-token', 'Grafana Cloud access policy token', 'high', ['glc_'], `${B}glc_[A-Za-z0-9+/]{32,400}={0,2}`),
  prefixed('grafana-service-account-token', 'Grafana service account token', 'high', 'glsa_', '[A-Za-z0-9]{32}_[a-f0-9]{8}'),
  prefixed('grafana-api-key', 'Grafana API key', 'high', 'eyJrIjoi', '[A-Za-z0-9+/]{60,400}={0,2}'),
  rule('dynatrace-token', 'Dynatrace API token', 'high', ['dt0c01.'], `${B}dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}${E}`),
  // PostHog documents the prefixes, not the lengths: keys seen range from 40 to 60 characters.
  prefixed('posthog-personal-api-key', 'PostHog personal API key', 'high', 'phx_', '[A-Za-z0-9_]{36,80}', 3.5),
  prefixed('posthog-secret-api-key', 'PostHog feature flags secure API key', 'high', 'phs_', '[A-Za-z0-9_]{36,80}', 3.5),
  prefixed('posthog-project-api-key', 'PostHog project API key', 'low', 'phc_', '[A-Za-z0-9_]{36,80}', 3.5),
  named('pagerduty-api-key', 'PagerDuty API key', 'high', ['pagerduty'], '[A-Za-z0-9_+-]{20}', 3.5),
  named('honeycomb-api-key', 'Honeycomb API key', 'high', ['honeycomb'], '[A-Za-z0-9]{22}|[a-f0-9]{32}', 3.5),

  // AI services.
  rule('openai-api-key', 'OpenAI API key', 'critical', ['t3blbkfj'], `${B}sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}${E}`),
  // Issued keys have 93 characters and AA after the version; the prefix alone is distinctive.
  rule('anthropic-api-key', 'Anthropic API key', 'critical', ['sk-ant-'], `${B}sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,120}${E}`, { minEntropy: 3.5 }),
  rule('huggingface-token', 'Hugging Face access token', 'high', ['hf_', 'api_org_'], `${B}(?:hf|api_org)_[A-Za-z]{34}${E}`, { minEntropy: 3.5 }),
  prefixed('groq-api-key', 'Groq API key', 'high', 'gsk_', '[A-Za-z0-9]{52}'),
  prefixed('xai-api-key', 'xAI API key', 'high', 'xai-', '[A-Za-z0-9]{80}'),
  prefixed('perplexity-api-key', 'Perplexity API key', 'high', 'pplx-', '[A-Za-z0-9]{48}'),
  // sk- and exactly 32 lower-case hexadecimal digits, the DeepSeek shape; other sk- keys are longer or mixed-case.
  rule('deepseek-api-key', 'DeepSeek API key', 'high', ['sk-'], `${B}sk-[a-f0-9]{32}${E}`, { minEntropy: 3.0 }),
  named('together-api-key', 'Together AI API key', 'high', ['together'], '[a-f0-9]{64}', 3.0),
  prefixed('together-api-key-v1', 'Together AI API key', 'high', 'tgp_v1_', '[A-Za-z0-9_-]{43}', 3.5),
  prefixed('replicate-api-token', 'Replicate API token', 'high', 'r8_', '[A-Za-z0-9]{37}'),
  rule('langsmith-api-key', 'LangSmith API key', 'high', ['lsv2_'], `${B}lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}${E}`),
  rule('tavily-api-key', 'Tavily API key', 'high', ['tvly-'], `${B}tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}${E}`),
  rule('pinecone-api-key', 'Pinecone API key', 'high', ['pcsk_'], `${B}pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{60,70}${E}`),

  // Productivity and other SaaS.
  prefixed('linear-api-key', 'Linear API key', 'high', 'lin_api_', '[A-Za-z0-9]{40}'),
  rule('notion-token', 'Notion integration token', 'high', ['secret_', 'ntn_'], `${B}(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})${E}`, { minEntropy: 3.5 }),
  prefixed('figma-pat', 'Figma personal access token', 'high', 'figd_', '[A-Za-z0-9_-]{40}'),
  prefixed('postman-api-key', 'Postman API key', 'high', 'PMAK-', '[a-f0-9]{24}-[a-f0-9]{34}'),
  prefixed('postman-collection-token', 'Postman collection access token', 'medium', 'PMAT-', '[A-Z0-9]{26}', 3.0),
  prefixed('contentful-pat', 'Contentful personal access token', 'high', 'CFPAT-', '[A-Za-z0-9_-]{43}'),
  prefixed('typeform-pat', 'Typeform personal access token', 'high', 'tfp_', '[A-Za-z0-9_.-]{59}'),
  rule('mapbox-secret-token', 'Mapbox secret access token', 'high', ['sk.eyj'], `${B}sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{22}${E}`),
  prefixed('readme-api-key', 'ReadMe API key', 'high', 'rdme_', '[a-z0-9]{70}'),
  rule('airtable-pat', 'Airtable personal access token', 'high', ['pat'], `${B}pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}${E}`),
  prefixed('frameio-token', 'Frame.io API token', 'high', 'fio-u-', '[A-Za-z0-9_=-]{64}'),
  prefixed('adobe-client-secret', 'Adobe client secret', 'high', 'p8e-', '[A-Za-z0-9]{32}', 3.5),
  rule('defined-networking-api-key', 'Defined Networking API key', 'high', ['dnkey-'], `${B}dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}${E}`),
  named('okta-api-token', 'Okta API token', 'high', ['okta'], '00[A-Za-z0-9_-]{40}', 3.5),
  prefixed('dropbox-short-lived-token', 'Dropbox short-lived access token', 'high', 'sl.', '[A-Za-z0-9_-]{130,152}'),
  rule('dropbox-long-lived-token', 'Dropbox long-lived access token', 'high', ['aaaaaaaaaa'], `${B}[a-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_-]{43}${E}`),
  // X's documented example token starts with 21 A characters.
  rule('twitter-bearer-token', 'X (Twitter) app-only bearer token', 'high', ['aaaaaaaaaaaaaaaaaaaaa'], `${B}A{21}[A-Za-z0-9%]{80,120}${E}`),
  prefixed('facebook-access-token', 'Facebook (Meta) access token', 'high', 'EAAC', '[A-Za-z0-9]{100,}'),
  prefixed('instagram-access-token', 'Instagram access token', 'high', 'IGQV', '[A-Za-z0-9_-]{100,}'),
  rule('salesforce-access-token', 'Salesforce access token', 'high', ['00d'], `${B}00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{80,}`),
  rule('onepassword-service-account-token', '1Password service account token', 'critical', ['ops_eyj'], `${B}ops_eyJ[A-Za-z0-9+/=_-]{250,}`),
  rule('onepassword-secret-key', '1Password account secret key', 'critical', ['a3-'], `${B}A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}${E}`),
  rule('age-secret-key', 'age secret key', 'critical', ['age-secret-key-1'], `AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`),
  rule('intra42-client-secret', '42 Intra client secret', 'high', ['s-s4t2'], `${B}s-s4t2(?:ud|af)-[a-f0-9]{64}${E}`),

  // Private keys, tokens and URLs with credentials.
  // The key may sit in string literals joined with '+', with escaped line breaks such as \n or \\n.
  // A first line may be short where escaped and raw breaks mix, so the 40 base64 characters the
  // body needs are counted over the whole body.
  rule(
    'private-key',
    'Private key (PEM)',
    'critical',
    ['private key-----'],
    `-----BEGIN[ A-Z0-9]{0,20} PRIVATE KEY-----(?:\\\\+[rn]|\\s|"|\\+)*(?:[A-Za-z][A-Za-z-]{2,19}: [^\\n\\\\]{1,100}(?:\\\\n|\\n){1,4}){0,4}(?<secret>[A-Za-z0-9+/=]{16,}(?:(?:\\\\+[rn]|\\s|"|,|\\+)+[A-Za-z0-9+/=]{4,}){0,200})`,
    { keyBlock: true, reject: (secret) => secret.replace(/\\+[rn]|[^A-Za-z0-9+/=]/g, '').length < 40 }
  ),
  // A key printed to a log: every line carries the prefix of the BEGIN line, such as a timestamp
  // or a BuildKit step and time ("#6 0.245 "), also inside a JSON string with escaped breaks.
  rule(
    'private-key-in-log',
    'Private key (PEM) in a log',
    'critical',
    ['private key-----'],
    `(?<prefix>[^\\s\\\\"'][^\\n\\\\"]{0,39})-----BEGIN[ A-Z0-9]{0,20} PRIVATE KEY-----(?:\\\\+[rn]|\\r|\\n)+\\k<prefix>(?<secret>[A-Za-z0-9+/=]{40,})`,
    { keyBlock: true }
  ),
  // Lines may carry a comment mark (" * ", "//", "#", ";", "--", ">") and blank lines may separate headers.
  rule(
    'pgp-private-key',
    'PGP private key block',
    'critical',
    ['pgp private key block'],
    `-----BEGIN PGP PRIVATE KEY BLOCK-----(?:\\\\n|[\\s*#;>]|//|--){1,64}(?:[A-Za-z][A-Za-z-]{0,40}: [^\\n]{0,200}\\n(?:\\\\n|[\\s*#;>]|//|--){0,64}){0,8}(?<secret>[A-Za-z0-9+/=]{40,})`,
    { keyBlock: true }
  ),
  rule('putty-private-key', 'PuTTY private key', 'critical', ['putty-user-key-file-'], `PuTTY-User-Key-File-\\d: [^\\n]+\\n(?:[A-Za-z-]+: [^\\n]*\\n){0,6}?Private-Lines: \\d+\\n(?<secret>[A-Za-z0-9+/=]{40,})`, {
    keyBlock: true
  }),
  rule('jwt', 'JSON Web Token', 'medium', ['eyj'], `${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}${E}`, { minEntropy: 3.0 }),
  rule(
    'database-url-password',
    'Password in a database or message broker URL',
    'critical',
    // Each scheme with its "://" (or "jdbc:"), so only lines with such a URL are searched.
    [...['postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql', 'sqlserver', 'oracle', 'cockroachdb', 'clickhouse', 'neo4j', 'neo4j+s', 'nats', 'kafka'].map((scheme) => `${scheme}://`), 'jdbc:'],
    `${B}(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\\+s)?|nats|kafka|jdbc:[a-z]+)://[^\\s:@/'"\`]{1,64}:(?<secret>[^\\s@/'"\`]{3,128})@[^\\s'"\`]{2,}`,
    { flags: 'i' }
  ),
  // Any scheme; the user may be an e-mail address (user@host:password@server). The pattern starts
  // at the literal "://" and checks the scheme behind it, so V8 searches for the literal.
  rule('url-password', 'Password in a URL', 'high', ['://'], `://(?<=[a-z][a-z0-9+.-]{1,20}://)(?:[^\\s:@/'"\`<>]{1,64}@)?[^\\s:@/'"\`<>]{1,64}:(?<secret>[^\\s@/'"\`<>]{3,128})@[A-Za-z0-9.-]{2,}`, { flags: 'i' }),
  rule('basic-auth-header', 'Credentials in an HTTP Basic Authorization header', 'high', ['basic '], `Authorization["']?\\s*[:=,]\\s*["']?Basic\\s+(?<secret>[A-Za-z0-9+/]{12,}={0,2})`, { flags: 'i', minEntropy: 3.0 }),
  rule('bearer-auth-header', 'Token in an HTTP Bearer Authorization header', 'high', ['bearer '], `Authorization["']?\\s*[:=,]\\s*["']?Bearer\\s+(?<secret>[A-Za-z0-9._~+/-]{20,}=*)`, { flags: 'i', minEntropy: 3.5 }),
  rule('curl-user-password', 'Password in a curl --user option', 'high', ['curl'], `curl\\s[^\\n]{0,200}?(?:-u|--user)\\s+["']?[^\\s:"']{1,64}:(?<secret>[^\\s"']{3,128})`, { flags: 'i' }),

  // Generic assignments, gated by entropy. The patterns start at the keyword, not at the start
  // of the name, so V8 does not try a variable-length prefix at every position of a file.
  rule(
    'generic-secret-assignment',
    'Secret assigned to a secret-looking name',
    'medium',
    ['secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'auth_key', 'private_key', 'client_secret', 'credential'],
    `(?<name>(?:secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key|credential)s?[A-Za-z0-9_.-]{0,20})["'\\]]{0,2}\\s{0,5}(?:=|:=|=>|:|,)\\s{0,5}(?<quote>["'\`])(?<secret>[^\\s"'\`\\\\]{12,200})\\k<quote>`,
    { flags: 'i', minEntropy: 3.7, hexMinEntropy: 3.0 }
  ),
  rule(
    'generic-password-assignment',
    'Password assigned in code or configuration',
    'medium',
    ['pass', 'pwd'],
    `(?<name>(?:passw(?:or)?d|passwd|pwd|pass)[A-Za-z0-9_.-]{0,20})["'\\]]{0,2}\\s{0,5}(?:=|:=|=>|:)\\s{0,5}(?<quote>["'\`])(?<secret>[^\\s"'\`\\\\]{8,128})\\k<quote>`,
    { flags: 'i', minEntropy: 3.0 }
  )
];
