export const id = 720;
export const ids = [720];
export const modules = {

/***/ 43720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUILTIN_COMPILED: () => (/* reexport */ BUILTIN_COMPILED),
  BUILTIN_RULES: () => (/* reexport */ BUILTIN_RULES),
  BUILTIN_TOOL: () => (/* reexport */ BUILTIN_TOOL),
  DEFAULT_MAX_FILE_BYTES: () => (/* reexport */ DEFAULT_MAX_FILE_BYTES),
  DEFAULT_TOOL_TIMEOUT_SECONDS: () => (/* reexport */ DEFAULT_TOOL_TIMEOUT_SECONDS),
  Detector: () => (/* reexport */ Detector),
  DiffParser: () => (/* reexport */ DiffParser),
  EXTERNAL_ENGINES: () => (/* reexport */ EXTERNAL_ENGINES),
  INLINE_ALLOW_MARKER: () => (/* reexport */ INLINE_ALLOW_MARKER),
  KeywordIndex: () => (/* reexport */ KeywordIndex),
  LineIndex: () => (/* reexport */ LineIndex),
  MAX_KEYWORD_CHARACTERS: () => (/* reexport */ MAX_KEYWORD_CHARACTERS),
  MAX_KEYWORD_LENGTH: () => (/* reexport */ MAX_KEYWORD_LENGTH),
  MAX_RE2_INSTRUCTIONS: () => (/* reexport */ MAX_RE2_INSTRUCTIONS),
  MAX_REPORT_BYTES: () => (/* reexport */ MAX_REPORT_BYTES),
  MAX_SNIPPET_LENGTH: () => (/* reexport */ MAX_SNIPPET_LENGTH),
  MAX_VISIBLE_PREFIX: () => (/* reexport */ MAX_VISIBLE_PREFIX),
  MatchBudget: () => (/* reexport */ MatchBudget),
  REDACTION_MARK: () => (/* reexport */ REDACTION_MARK),
  RULE_TIME_BUDGET_MS: () => (/* reexport */ RULE_TIME_BUDGET_MS),
  SECRETS_ENGINES: () => (/* reexport */ SECRETS_ENGINES),
  SECRETS_MODES: () => (/* reexport */ SECRETS_MODES),
  SECRET_CWE: () => (/* reexport */ SECRET_CWE),
  builtinAllows: () => (/* reexport */ builtinAllows),
  cannotMatchLineFeed: () => (/* reexport */ cannotMatchLineFeed),
  compileBuiltinRule: () => (/* reexport */ compileBuiltinRule),
  compileRe2: () => (/* reexport */ compileRe2),
  createSecretsScanner: () => (/* reexport */ createSecretsScanner),
  engineArguments: () => (/* reexport */ engineArguments),
  gitLogArguments: () => (/* reexport */ gitLogArguments),
  gitStagedArguments: () => (/* reexport */ gitStagedArguments),
  gitleaksFingerprint: () => (/* reexport */ gitleaksFingerprint),
  gitleaksGlobalAllow: () => (/* reexport */ gitleaksGlobalAllow),
  gitleaksSkipsPath: () => (/* reexport */ gitleaksSkipsPath),
  hasGitHubChecksum: () => (/* reexport */ hasGitHubChecksum),
  hasSequenceRun: () => (/* reexport */ hasSequenceRun),
  installPinnedTool: () => (/* reexport */ installPinnedTool),
  integerValue: () => (/* reexport */ integerValue),
  isObject: () => (/* reexport */ isObject),
  isPlaceholder: () => (/* reexport */ isPlaceholder),
  lineInDiff: () => (/* reexport */ lineInDiff),
  looksLikeCode: () => (/* reexport */ looksLikeCode),
  matchToFinding: () => (/* reexport */ matchToFinding),
  parseGitleaksConfig: () => (/* reexport */ parseGitleaksConfig),
  parseGitleaksIgnore: () => (/* reexport */ parseGitleaksIgnore),
  parseSecretReport: () => (/* reexport */ parseSecretReport),
  rangeFromEvent: () => (/* reexport */ rangeFromEvent),
  re2Matches: () => (/* reexport */ re2Matches),
  readSecretReport: () => (/* reexport */ readSecretReport),
  redact: () => (/* reexport */ redact),
  redactedExcerpt: () => (/* reexport */ redactedExcerpt),
  redactedSnippet: () => (/* reexport */ redactedSnippet),
  renderSecretRulesDoc: () => (/* reexport */ renderSecretRulesDoc),
  reportedFinding: () => (/* reexport */ reportedFinding),
  resolveSettings: () => (/* reexport */ resolveSettings),
  revisionRange: () => (/* reexport */ revisionRange),
  ruleKeywords: () => (/* reexport */ ruleKeywords),
  runExternalEngine: () => (/* reexport */ runExternalEngine),
  scanSecrets: () => (/* reexport */ scanSecrets),
  secretFingerprint: () => (/* reexport */ secretFingerprint),
  secretPartialFingerprints: () => (/* reexport */ secretPartialFingerprints),
  secretsScanner: () => (/* reexport */ secretsScanner),
  severityWord: () => (/* reexport */ severityWord),
  shannonEntropy: () => (/* reexport */ shannonEntropy),
  snippetSecrets: () => (/* reexport */ snippetSecrets),
  streamAddedLines: () => (/* reexport */ streamAddedLines),
  stringValue: () => (/* reexport */ stringValue),
  walkFiles: () => (/* reexport */ walkFiles)
});

;// CONCATENATED MODULE: ./packages/secrets/src/rules/builtin.ts
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
function rule(id, title, severity, keywords, source, options = {}) {
    const { flags = '', ...rest } = options;
    return { id, title, severity, keywords, pattern: new RegExp(source, flags), ...rest };
}
/** A token with a fixed prefix followed by `body` (a character class with a length). */
function prefixed(id, title, severity, prefix, body, minEntropy) {
    return rule(id, title, severity, [prefix.toLowerCase()], `${B}${escapeRegExp(prefix)}${body}${E}`, minEntropy === undefined ? {} : { minEntropy });
}
/** A value of `value` form within 40 characters after one of `names` on the same line. */
function named(id, title, severity, names, value, minEntropy) {
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
function crc32(text) {
    let crc = 0xffffffff;
    for (let index = 0; index < text.length; index++) {
        crc = CRC32_TABLE[(crc ^ text.charCodeAt(index)) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
}
/**
 * Returns true when a GitHub token's last 6 characters are the base-62 CRC32 of the characters
 * between the prefix and them, the checksum of the token format GitHub introduced in 2021.
 */
function hasGitHubChecksum(token) {
    const body = token.slice(4, -6);
    let value = crc32(body);
    let encoded = '';
    for (let digit = 0; digit < 6; digit++) {
        encoded = BASE62[value % 62] + encoded;
        value = Math.floor(value / 62);
    }
    return token.endsWith(encoded);
}
/**
 * Builds the rule for a GitHub token of the 2021 format: the prefix and 36 characters, or any
 * length from 30 when the checksum verifies, because GitHub may issue longer tokens (up to 255
 * characters).
 */
function githubToken(id, title, prefix) {
    return rule(id, title, 'critical', [prefix], `${B}${prefix}[A-Za-z0-9]{30,251}${E}`, {
        reject: (secret) => secret.length !== prefix.length + 36 && !hasGitHubChecksum(secret)
    });
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const HEX32 = '[a-f0-9]{32}';
const BUILTIN_RULES = [
    // Cloud providers.
    rule('aws-access-key-id', 'AWS access key ID', 'critical', ['akia', 'asia', 'abia', 'acca', 'a3t'], `${B}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${E}`, {
        helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html'
    }),
    rule('aws-secret-access-key', 'AWS secret access key', 'critical', ['aws_secret', 'aws-secret', 'awssecret', 'secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_sk'], `(?:aws[_-]?secret(?:[_-]?access)?[_-]?key|secret[_-]?access[_-]?key|aws[_-]?sk)[\\w"'\\]]{0,8}\\s*(?:[:=]|=>|:=)\\s*["'\`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`, { flags: 'i', minEntropy: 3.5 }),
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
    rule('private-key', 'Private key (PEM)', 'critical', ['private key-----'], `-----BEGIN[ A-Z0-9]{0,20} PRIVATE KEY-----(?:\\\\+[rn]|\\s|"|\\+)*(?:[A-Za-z][A-Za-z-]{2,19}: [^\\n\\\\]{1,100}(?:\\\\n|\\n){1,4}){0,4}(?<secret>[A-Za-z0-9+/=]{16,}(?:(?:\\\\+[rn]|\\s|"|,|\\+)+[A-Za-z0-9+/=]{4,}){0,200})`, { keyBlock: true, reject: (secret) => secret.replace(/\\+[rn]|[^A-Za-z0-9+/=]/g, '').length < 40 }),
    // A key printed to a log: every line carries the prefix of the BEGIN line, such as a timestamp
    // or a BuildKit step and time ("#6 0.245 "), also inside a JSON string with escaped breaks.
    rule('private-key-in-log', 'Private key (PEM) in a log', 'critical', ['private key-----'], `(?<prefix>[^\\s\\\\"'][^\\n\\\\"]{0,39})-----BEGIN[ A-Z0-9]{0,20} PRIVATE KEY-----(?:\\\\+[rn]|\\r|\\n)+\\k<prefix>(?<secret>[A-Za-z0-9+/=]{40,})`, { keyBlock: true }),
    // Lines may carry a comment mark (" * ", "//", "#", ";", "--", ">") and blank lines may separate headers.
    rule('pgp-private-key', 'PGP private key block', 'critical', ['pgp private key block'], `-----BEGIN PGP PRIVATE KEY BLOCK-----(?:\\\\n|[\\s*#;>]|//|--){1,64}(?:[A-Za-z][A-Za-z-]{0,40}: [^\\n]{0,200}\\n(?:\\\\n|[\\s*#;>]|//|--){0,64}){0,8}(?<secret>[A-Za-z0-9+/=]{40,})`, { keyBlock: true }),
    rule('putty-private-key', 'PuTTY private key', 'critical', ['putty-user-key-file-'], `PuTTY-User-Key-File-\\d: [^\\n]+\\n(?:[A-Za-z-]+: [^\\n]*\\n){0,6}?Private-Lines: \\d+\\n(?<secret>[A-Za-z0-9+/=]{40,})`, {
        keyBlock: true
    }),
    rule('jwt', 'JSON Web Token', 'medium', ['eyj'], `${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}${E}`, { minEntropy: 3.0 }),
    rule('database-url-password', 'Password in a database or message broker URL', 'critical', 
    // Each scheme with its "://" (or "jdbc:"), so only lines with such a URL are searched.
    [...['postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql', 'sqlserver', 'oracle', 'cockroachdb', 'clickhouse', 'neo4j', 'neo4j+s', 'nats', 'kafka'].map((scheme) => `${scheme}://`), 'jdbc:'], `${B}(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\\+s)?|nats|kafka|jdbc:[a-z]+)://[^\\s:@/'"\`]{1,64}:(?<secret>[^\\s@/'"\`]{3,128})@[^\\s'"\`]{2,}`, { flags: 'i' }),
    // Any scheme; the user may be an e-mail address (user@host:password@server). The pattern starts
    // at the literal "://" and checks the scheme behind it, so V8 searches for the literal.
    rule('url-password', 'Password in a URL', 'high', ['://'], `://(?<=[a-z][a-z0-9+.-]{1,20}://)(?:[^\\s:@/'"\`<>]{1,64}@)?[^\\s:@/'"\`<>]{1,64}:(?<secret>[^\\s@/'"\`<>]{3,128})@[A-Za-z0-9.-]{2,}`, { flags: 'i' }),
    rule('basic-auth-header', 'Credentials in an HTTP Basic Authorization header', 'high', ['basic '], `Authorization["']?\\s*[:=,]\\s*["']?Basic\\s+(?<secret>[A-Za-z0-9+/]{12,}={0,2})`, { flags: 'i', minEntropy: 3.0 }),
    rule('bearer-auth-header', 'Token in an HTTP Bearer Authorization header', 'high', ['bearer '], `Authorization["']?\\s*[:=,]\\s*["']?Bearer\\s+(?<secret>[A-Za-z0-9._~+/-]{20,}=*)`, { flags: 'i', minEntropy: 3.5 }),
    rule('curl-user-password', 'Password in a curl --user option', 'high', ['curl'], `curl\\s[^\\n]{0,200}?(?:-u|--user)\\s+["']?[^\\s:"']{1,64}:(?<secret>[^\\s"']{3,128})`, { flags: 'i' }),
    // Generic assignments, gated by entropy. The patterns start at the keyword, not at the start
    // of the name, so V8 does not try a variable-length prefix at every position of a file.
    rule('generic-secret-assignment', 'Secret assigned to a secret-looking name', 'medium', ['secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'auth_key', 'private_key', 'client_secret', 'credential'], `(?<name>(?:secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key|credential)s?[A-Za-z0-9_.-]{0,20})["'\\]]{0,2}\\s{0,5}(?:=|:=|=>|:|,)\\s{0,5}(?<quote>["'\`])(?<secret>[^\\s"'\`\\\\]{12,200})\\k<quote>`, { flags: 'i', minEntropy: 3.7, hexMinEntropy: 3.0 }),
    rule('generic-password-assignment', 'Password assigned in code or configuration', 'medium', ['pass', 'pwd'], `(?<name>(?:passw(?:or)?d|passwd|pwd|pass)[A-Za-z0-9_.-]{0,20})["'\\]]{0,2}\\s{0,5}(?:=|:=|=>|:)\\s{0,5}(?<quote>["'\`])(?<secret>[^\\s"'\`\\\\]{8,128})\\k<quote>`, { flags: 'i', minEntropy: 3.0 })
];

;// CONCATENATED MODULE: ./packages/secrets/src/entropy.ts
/** Returns the Shannon entropy of `text` in bits per character (0 for an empty string). */
function shannonEntropy(text) {
    if (text.length === 0) {
        return 0;
    }
    const counts = new Map();
    for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    let entropy = 0;
    for (const count of counts.values()) {
        const probability = count / text.length;
        entropy -= probability * Math.log2(probability);
    }
    return entropy;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 26 modules
var src = __webpack_require__(6641);
;// CONCATENATED MODULE: ./packages/secrets/src/redact.ts


/** The character that ends every redacted value. */
const REDACTION_MARK = '…';
/** Longest prefix of a secret that a redacted form shows. */
const MAX_VISIBLE_PREFIX = 4;
/**
 * Returns the redacted form of a secret: a prefix of at most 4 characters, and at most a
 * quarter of the secret, then `…`. A secret of 3 characters or fewer shows no prefix.
 */
function redact(secret) {
    const visible = Math.min(MAX_VISIBLE_PREFIX, Math.floor(secret.length / 4));
    return `${secret.slice(0, visible)}${REDACTION_MARK}`;
}
/** Shortest part of a multi-line secret that an excerpt redacts on its own. */
const MIN_PART_LENGTH = 4;
/**
 * Splits a secret spanning lines (a private key) into its lines, because each line of the text
 * contains one part of it. A one-line secret is returned whole.
 */
function secretParts(value) {
    if (!/[\r\n]/.test(value)) {
        return [value];
    }
    return value.split(/\r?\n|\r/).filter((part) => part.trim().length >= MIN_PART_LENGTH);
}
/**
 * Returns at most `length` characters of `line` around the first occurrence of `secret` (or
 * its start when absent), with every occurrence of `secrets` (which include `secret`) in that
 * part redacted, also one cut by the edge of the part. Only a window of the line is searched, so
 * the cost does not grow with the length of a minified line.
 */
function redactedExcerpt(line, secret, secrets, length) {
    const ordered = [...new Set([secret, ...secrets].flatMap(secretParts))].filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
    const anchor = secretParts(secret)[0] ?? '';
    const longest = ordered[0]?.length ?? 0;
    const at = Math.max(0, anchor === '' ? 0 : line.indexOf(anchor));
    // The window keeps `length` characters on each side of the secret whatever the redactions
    // remove. Occurrences are searched a secret's length further out, so cut ones are found too.
    const from = Math.max(0, at - length - longest);
    const to = Math.min(line.length, at + anchor.length + length + longest);
    const searchFrom = Math.max(0, from - longest);
    const area = line.slice(searchFrom, Math.min(line.length, to + longest));
    // Which secret covers each character of the area, longest secret first.
    const cover = new Array(area.length);
    const begins = new Uint8Array(area.length);
    for (const value of ordered) {
        for (let index = area.indexOf(value); index !== -1; index = area.indexOf(value, index + 1)) {
            let free = true;
            for (let offset = 0; offset < value.length && free; offset++) {
                free = cover[index + offset] === undefined;
            }
            if (free) {
                cover.fill(value, index, index + value.length);
                begins[index] = 1;
            }
        }
    }
    let result = '';
    let secretAt = -1;
    for (let index = from - searchFrom; index < to - searchFrom; index++) {
        const value = cover[index];
        if (value === undefined) {
            result += area[index];
            continue;
        }
        if (begins[index] === 1 || index === from - searchFrom) {
            if (value === anchor && secretAt === -1) {
                secretAt = result.length;
            }
            result += redact(value);
        }
    }
    if (result.length <= length) {
        return result;
    }
    const start = Math.max(0, Math.min(result.length - length, Math.max(0, secretAt) - Math.floor(length / 2)));
    return result.slice(start, start + length);
}
/**
 * Returns the suite's fingerprint of a secret finding: sha256 over the rule id and the secret,
 * first 32 hex characters. The same secret found again under the same rule keeps its
 * fingerprint wherever it moves, and the digest cannot be reversed into the secret in
 * practice for secrets of real entropy.
 * NOTE: a weak password can be guessed from the digest, the redacted prefix and the finding's
 * columns. A reader of the SARIF can also read the repository that contains the password, so the
 * digest is kept fast and unkeyed, which keeps fingerprints equal across runs and machines.
 */
function secretFingerprint(ruleId, secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(['secret', ruleId, secret])).digest('hex').slice(0, 32);
}
/** The `partialFingerprints` entry of a secret finding. */
function secretPartialFingerprints(ruleId, secret) {
    return { [src/* FINGERPRINT_KEY */.XG]: secretFingerprint(ruleId, secret) };
}

;// CONCATENATED MODULE: ./packages/secrets/src/keyword-index.ts
/**
 * An Aho-Corasick automaton over bytes, with ASCII letters folded to lower case, compiled
 * into a dense transition table. One pass over a file's bytes returns every keyword that
 * occurs in it, whatever the number of keywords, so the cost of the pre-filter does not grow
 * with the number of rules.
 */
class KeywordIndex {
    transitions;
    /** For each state, the keyword ids that end there (after following output links). */
    outputs;
    keywords;
    constructor(keywords) {
        this.keywords = [...new Set([...keywords].map((keyword) => keyword.toLowerCase()))].filter((keyword) => keyword !== '');
        const goto = [new Map()];
        const outputs = [[]];
        this.keywords.forEach((keyword, id) => {
            let state = 0;
            for (const byte of Buffer.from(keyword, 'utf8')) {
                let next = goto[state].get(byte);
                if (next === undefined) {
                    next = goto.length;
                    goto.push(new Map());
                    outputs.push([]);
                    goto[state].set(byte, next);
                }
                state = next;
            }
            outputs[state].push(id);
        });
        // Breadth-first construction: a state's failure link points to a shallower state, whose
        // transitions and outputs are complete by the time the state is dequeued.
        const stateCount = goto.length;
        const transitions = new Int32Array(stateCount * 256);
        const failure = new Int32Array(stateCount);
        const queued = new Uint8Array(stateCount);
        const queue = [];
        for (let byte = 0; byte < 256; byte++) {
            const next = goto[0].get(foldByte(byte)) ?? 0;
            transitions[byte] = next;
            if (next !== 0 && queued[next] === 0) {
                queued[next] = 1;
                queue.push(next);
            }
        }
        for (let head = 0; head < queue.length; head++) {
            const state = queue[head];
            outputs[state].push(...outputs[failure[state]]);
            for (let byte = 0; byte < 256; byte++) {
                const fallback = transitions[failure[state] * 256 + byte];
                const next = goto[state].get(foldByte(byte));
                if (next === undefined) {
                    transitions[state * 256 + byte] = fallback;
                    continue;
                }
                transitions[state * 256 + byte] = next;
                if (queued[next] === 0) {
                    queued[next] = 1;
                    failure[next] = fallback;
                    queue.push(next);
                }
            }
        }
        this.transitions = transitions;
        this.outputs = outputs.map((list) => (list.length > 0 ? [...new Set(list)] : undefined));
    }
    /** Returns the ids (indexes into `keywords`) of the keywords that occur in `bytes`. */
    search(bytes) {
        const found = new Set();
        const transitions = this.transitions;
        const outputs = this.outputs;
        let state = 0;
        for (let index = 0; index < bytes.length; index++) {
            state = transitions[(state << 8) | bytes[index]];
            const ids = outputs[state];
            if (ids !== undefined) {
                for (const id of ids) {
                    found.add(id);
                }
            }
        }
        return found;
    }
    /** Like `search`, and records the lines on which each keyword occurs. */
    searchLines(bytes) {
        const lines = new Map();
        const transitions = this.transitions;
        const outputs = this.outputs;
        let state = 0;
        let lineStart = 0;
        for (let index = 0; index < bytes.length; index++) {
            const byte = bytes[index];
            state = transitions[(state << 8) | byte];
            const ids = outputs[state];
            if (ids !== undefined) {
                for (const id of ids) {
                    const list = lines.get(id);
                    if (list === undefined) {
                        lines.set(id, [lineStart]);
                    }
                    else if (list[list.length - 1] !== lineStart) {
                        list.push(lineStart);
                    }
                }
            }
            if (byte === 10) {
                lineStart = index + 1;
            }
        }
        return lines;
    }
}
function foldByte(byte) {
    return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

;// CONCATENATED MODULE: ./packages/secrets/src/allowlist.ts
/** A line with this marker is skipped, as gitleaks does, so a team moving from gitleaks keeps its markers. */
const INLINE_ALLOW_MARKER = 'gitleaks:allow';
/**
 * Values that documentation and templates use in place of a real credential: the words
 * EXAMPLE, placeholder, changeme, redacted and your-…-here; runs of x or * ; template and
 * environment references (`${VAR}`, `{{ var }}`, `<token>`, `%VAR%`, `$VAR`).
 */
const PLACEHOLDER_PATTERNS = [
    /example/i,
    /x{4}/i,
    /\*{3}/,
    /\.{3}|…/,
    /\$\{[^}]*\}?|\{\{|\}\}/,
    /^<[^>]*>?$|^\[[^\]]*\]$/,
    /^%[A-Za-z_]+%$/,
    /^\$[A-Za-z_][A-Za-z0-9_]*$/,
    /placeholder|changeme|change[_-]me|redacted|replace[_-]?me|insert[_-]?your|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|secret|token|password|pass)/i
];
/** Characters in a run of which each is the one after (or before) the last, such as `abcdef` or `76543210`. */
const SEQUENCE_RUN = 6;
/**
 * Returns true when `secret` contains a run of SEQUENCE_RUN digits or letters that count up or
 * down by one, as typed-in sample values do. In a random hexadecimal token such a run starts at
 * a given position with a chance below one in a million.
 */
function hasSequenceRun(secret) {
    let up = 1;
    let down = 1;
    for (let index = 1; index < secret.length; index++) {
        const previous = secret.charCodeAt(index - 1);
        const current = secret.charCodeAt(index);
        const sameClass = charClass(previous) !== 0 && charClass(previous) === charClass(current);
        up = sameClass && current === previous + 1 ? up + 1 : 1;
        down = sameClass && current === previous - 1 ? down + 1 : 1;
        if (up >= SEQUENCE_RUN || down >= SEQUENCE_RUN) {
            return true;
        }
    }
    return false;
}
/** 1 for a digit, 2 for a lower-case and 3 for an upper-case letter, 0 otherwise. */
function charClass(code) {
    if (code >= 48 && code <= 57) {
        return 1;
    }
    if (code >= 97 && code <= 122) {
        return 2;
    }
    return code >= 65 && code <= 90 ? 3 : 0;
}
/** Returns true when the secret is a known placeholder rather than a credential. */
function isPlaceholder(secret) {
    if (/^(.)\1*$/s.test(secret)) {
        return true;
    }
    return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(secret));
}
/**
 * Values of generic assignments that are code, not credentials: references to variables or
 * environment lookups, function calls, file paths, regular expressions, and words joined by
 * separators or case (`snake_case`, `UPPER_CASE`, `camelCase`, `PascalCase`, `Header-Name`).
 */
function looksLikeCode(secret) {
    return (/^(?:process\.env|os\.environ|env\.|ENV\[|System\.getenv|getenv|config\.|settings\.|self\.|this\.|@)/.test(secret) ||
        /[()]/.test(secret) ||
        /^(?:\.{0,2}\/|[A-Za-z]:\\)/.test(secret) ||
        /^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(secret) ||
        /\[[^\]]+\][*+?{]|\\[dswDSW]/.test(secret) ||
        /^[a-z]+(?:[_.-][a-z]+)*$/.test(secret) ||
        /^[A-Z]+(?:[_.-][A-Z]+)*$/.test(secret) ||
        /^[A-Z]?[a-z]+(?:[_.-]?[A-Z][a-z]+)+$/.test(secret));
}
/** Names of values that are digests of something, not secrets: `hashed_secret`, `token_sha256`. */
const DIGEST_NAME = /hash|digest|checksum|fingerprint|integrity|sha(?:1|256|384|512)?(?![a-z])|md5/i;
/**
 * Returns the whole name a generic match is assigned to. The generic patterns start at the
 * keyword (`secret` in `hashed_secret`), so the name's start is read from the line before the match.
 */
function assignedName(candidate) {
    const at = candidate.line.indexOf(candidate.match);
    const before = at < 0 ? '' : (/[A-Za-z0-9_.-]*$/.exec(candidate.line.slice(Math.max(0, at - 40), at))?.[0] ?? '');
    return before + (/^[A-Za-z0-9_.-]*/.exec(candidate.match)?.[0] ?? '');
}
/**
 * Applies the checks the built-in rules share, as one `allows` predicate. Counting runs are checked
 * only in tokens (`token` true), not in key blocks such as PEM bodies, whose header alone marks
 * them.
 */
function builtinAllows(candidate, generic, token) {
    if (isPlaceholder(candidate.secret) || (token && hasSequenceRun(candidate.secret))) {
        return true;
    }
    return generic && (looksLikeCode(candidate.secret) || DIGEST_NAME.test(assignedName(candidate)));
}

;// CONCATENATED MODULE: ./packages/secrets/src/detector.ts




const GENERIC_RULES = new Set(['generic-secret-assignment', 'generic-password-assignment']);
/**
 * Returns true when a match of `pattern` can never hold a line feed, judged from its source
 * conservatively: any construct that may match one (`\s`, `\W`, `\D`, a character escape
 * other than `\x1b`, a negated class without `\s` or `\n`, `.` with the `s` flag, and the
 * anchors `^` and `$`, whose meaning changes on a line) makes it false.
 */
function cannotMatchLineFeed(pattern) {
    const source = pattern.source;
    const dotAll = pattern.flags.includes('s');
    let inClass = false;
    let negated = false;
    let classSafe = false;
    for (let index = 0; index < source.length; index++) {
        const char = source[index];
        if (char === '\\') {
            const next = source[index + 1] ?? '';
            const escape = next === 'x' || next === 'u' ? source.slice(index, index + 4) : `\\${next}`;
            index += 1;
            if (escape === '\\x1b') {
                index += 2;
                continue;
            }
            if (next === 'x' || next === 'u' || next === 'c' || next === 'p' || next === 'P' || next === '0' || next === 'n' || next === 'W' || next === 'D' || next === 's') {
                if (inClass && negated && (next === 's' || next === 'n')) {
                    classSafe = true;
                    continue;
                }
                return false;
            }
            continue;
        }
        if (inClass) {
            if (char === ']') {
                if (negated && !classSafe) {
                    return false;
                }
                inClass = false;
            }
            else if (char === '\n' || char === '\r') {
                return false;
            }
            continue;
        }
        if (char === '[') {
            inClass = true;
            negated = source[index + 1] === '^';
            classSafe = false;
            if (negated) {
                index++;
            }
        }
        else if ((char === '.' && dotAll) || char === '^' || char === '$' || char === '\n') {
            return false;
        }
    }
    return !inClass;
}
/** Returns the entropy `secret` needs to be reported by `rule`, which has a `minEntropy`. */
function minimumEntropy(rule, secret) {
    return rule.hexMinEntropy !== undefined && /^[0-9a-fA-F]{16,}$/.test(secret) ? rule.hexMinEntropy : rule.minEntropy;
}
/** Compiles a built-in rule; its pattern gets the `g` flag and the shared placeholder checks. */
function compileBuiltinRule(rule) {
    const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
    const generic = GENERIC_RULES.has(rule.id);
    const token = rule.keyBlock !== true;
    // One compiled pattern per rule: `matches` resets it and runs to the end before returning.
    const pattern = new RegExp(rule.pattern.source, flags);
    return {
        id: rule.id,
        title: rule.title,
        severity: rule.severity,
        keywords: rule.keywords,
        minEntropy: rule.minEntropy,
        hexMinEntropy: rule.hexMinEntropy,
        singleLine: cannotMatchLineFeed(rule.pattern),
        helpUri: rule.helpUri,
        source: 'builtin',
        matches(text) {
            const found = [];
            pattern.lastIndex = 0;
            for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
                if (match[0].length === 0) {
                    pattern.lastIndex++;
                    continue;
                }
                const secret = match.groups?.['secret'] ?? match[1] ?? match[0];
                const offsetInMatch = secret === match[0] ? 0 : match[0].lastIndexOf(secret);
                found.push({ start: match.index, end: match.index + match[0].length, secret, secretStart: match.index + Math.max(0, offsetInMatch) });
            }
            return found;
        },
        allows(candidate) {
            return builtinAllows(candidate, generic, token) || (rule.reject?.(candidate.secret) ?? false);
        }
    };
}
const BUILTIN_COMPILED = BUILTIN_RULES.map(compileBuiltinRule);
/**
 * Finds secrets in texts with a set of rules. A keyword pre-filter (one Aho-Corasick pass over
 * the bytes) selects the rules that can match; only those run, and a file with no keyword is
 * never decoded.
 */
class Detector {
    rules;
    globalAllow;
    index;
    /** Rules by keyword id. */
    rulesByKeyword;
    /** Rules without keywords, run on every text. */
    unfiltered;
    /** Keyword ids by rule. */
    keywordIdsByRule = new Map();
    constructor(rules, globalAllow) {
        this.rules = rules;
        this.globalAllow = globalAllow;
        this.index = new KeywordIndex(rules.flatMap((rule) => rule.keywords));
        const ids = new Map(this.index.keywords.map((keyword, id) => [keyword, id]));
        this.rulesByKeyword = this.index.keywords.map(() => []);
        this.unfiltered = [];
        for (const rule of rules) {
            if (rule.keywords.length === 0) {
                this.unfiltered.push(rule);
                continue;
            }
            const ruleIds = [];
            for (const keyword of new Set(rule.keywords.map((word) => word.toLowerCase()))) {
                this.rulesByKeyword[ids.get(keyword)].push(rule);
                ruleIds.push(ids.get(keyword));
            }
            this.keywordIdsByRule.set(rule, ruleIds);
        }
    }
    /** Returns the rules whose keywords occur in `bytes`, in rule order. */
    selectRules(bytes) {
        const selected = new Set(this.unfiltered);
        for (const id of this.index.search(bytes)) {
            for (const rule of this.rulesByKeyword[id]) {
                selected.add(rule);
            }
        }
        return this.rules.filter((rule) => selected.has(rule));
    }
    /**
     * Scans file content. Returns no match without decoding when no rule's keyword occurs. A rule
     * whose matches cannot span lines runs only on the lines containing one of its keywords, when
     * byte offsets equal string offsets (every byte decoded to one UTF-16 unit).
     */
    scanBytes(bytes, path) {
        const keywordLines = this.index.searchLines(bytes);
        const selected = new Set(this.unfiltered);
        for (const id of keywordLines.keys()) {
            for (const rule of this.rulesByKeyword[id]) {
                selected.add(rule);
            }
        }
        if (selected.size === 0) {
            return [];
        }
        const rules = this.rules.filter((rule) => selected.has(rule));
        const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
        const sameOffsets = text.length === bytes.byteLength;
        return this.scanWithRules(text, path, rules, sameOffsets ? (rule) => this.ruleLines(rule, keywordLines) : undefined);
    }
    /** The start offsets of the lines on which `rule` may match, or undefined for the whole text. */
    ruleLines(rule, keywordLines) {
        if (rule.singleLine !== true || rule.keywords.length === 0) {
            return undefined;
        }
        const ids = this.keywordIdsByRule.get(rule);
        const lists = ids.map((id) => keywordLines.get(id)).filter((list) => list !== undefined);
        if (lists.length === 1) {
            return lists[0];
        }
        return [...new Set(lists.flat())].sort((a, b) => a - b);
    }
    scanText(text, path) {
        return this.scanBytes(Buffer.from(text, 'utf8'), path);
    }
    scanWithRules(text, path, rules, linesOf) {
        const lines = new LineIndex(text);
        const found = [];
        const seen = new Set();
        for (const rule of rules) {
            if (rule.budget?.exhausted) {
                continue;
            }
            rule.budget?.start();
            try {
                this.runRule(rule, text, path, lines, found, seen, linesOf);
            }
            finally {
                rule.budget?.stop(path, rule.id);
            }
        }
        return dropOverlaps(found);
    }
    runRule(rule, text, path, lines, found, seen, linesOf) {
        const starts = linesOf?.(rule);
        let cachedLine = 0;
        let lineText = '';
        let allowedLine = false;
        for (const match of starts === undefined ? rule.matches(text) : matchesOnLines(rule, text, starts)) {
            // A finding starts on the line where the match starts, such as a private key's BEGIN
            // line. Its columns are those of the secret when the secret is on that line.
            const matchStart = lines.position(match.start);
            const secretStart = lines.position(match.secretStart);
            const start = secretStart.line === matchStart.line ? secretStart : { line: matchStart.line, column: matchStart.column };
            // One lookup per line, not per match: a minified line can hold thousands of matches.
            if (start.line !== cachedLine) {
                cachedLine = start.line;
                lineText = lines.lineText(start.line);
                allowedLine = lineText.includes(INLINE_ALLOW_MARKER);
            }
            if (allowedLine) {
                continue;
            }
            const candidate = { secret: match.secret, match: text.slice(match.start, match.end), line: lineText, path };
            if (rule.allows(candidate) || this.globalAllow?.(candidate, rule)) {
                continue;
            }
            const entropy = shannonEntropy(match.secret);
            if (rule.minEntropy !== undefined && entropy < minimumEntropy(rule, match.secret)) {
                continue;
            }
            const key = `${rule.id}\u0000${match.secretStart}`;
            if (seen.has(key)) {
                continue;
            }
            seen.add(key);
            const end = lines.position(match.secretStart + match.secret.length);
            found.push({
                rule,
                secret: match.secret,
                startLine: start.line,
                startColumn: start.column,
                endLine: end.line,
                endColumn: end.column,
                entropy,
                lineText
            });
        }
    }
}
/** Runs `rule` on each line starting at one of `starts`, with offsets in the whole text. */
function* matchesOnLines(rule, text, starts) {
    for (const start of starts) {
        const newline = text.indexOf('\n', start);
        const end = newline === -1 ? text.length : newline;
        for (const match of rule.matches(start === 0 && end === text.length ? text : text.slice(start, end))) {
            yield { start: match.start + start, end: match.end + start, secret: match.secret, secretStart: match.secretStart + start };
        }
    }
}
/**
 * Keeps one match per place: where the matches of two rules overlap, the more specific rule
 * wins (any provider rule over the generic and URL rules; else the longer secret).
 */
function dropOverlaps(matches) {
    const rank = (match) => (GENERIC_RULES.has(match.rule.id) ? 2 : match.rule.id === 'jwt' || match.rule.id.endsWith('-url-password') || match.rule.id === 'url-password' ? 1 : 0);
    const sorted = [...matches].sort((a, b) => rank(a) - rank(b) || b.secret.length - a.secret.length);
    const kept = [];
    for (const match of sorted) {
        const overlaps = kept.some((other) => other.startLine === match.startLine &&
            other.startColumn < match.startColumn + match.secret.length &&
            match.startColumn < other.startColumn + other.secret.length);
        if (!overlaps) {
            kept.push(match);
        }
    }
    return kept.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn || a.rule.id.localeCompare(b.rule.id));
}
/** Maps string offsets to 1-based lines and columns. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
            this.starts.push(index + 1);
        }
    }
    position(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.starts[middle] <= offset) {
                low = middle;
            }
            else {
                high = middle - 1;
            }
        }
        return { line: low + 1, column: offset - this.starts[low] + 1 };
    }
    lineText(line) {
        const start = this.starts[line - 1] ?? this.text.length;
        const next = this.starts[line];
        const end = next === undefined ? this.text.length : next - 1;
        return this.text.slice(start, end).replace(/\r$/, '');
    }
}

;// CONCATENATED MODULE: ./packages/secrets/src/findings.ts

/** Tool name of the built-in detector in findings and SARIF. */
const BUILTIN_TOOL = 'devsecops-secrets';
/** Hard-coded credentials. */
const SECRET_CWE = 'CWE-798';
/** Longest snippet kept, in characters, so a minified file does not put a whole line in SARIF. */
const MAX_SNIPPET_LENGTH = 200;
/** Turns a match into a finding that holds only the redacted form of the secret. */
function matchToFinding(match, context) {
    const startLine = context.lineOf ? context.lineOf(match.startLine) : match.startLine;
    const endLine = context.lineOf ? context.lineOf(match.endLine) : match.endLine;
    const redacted = redact(match.secret);
    const properties = {
        redacted,
        entropy: Math.round(match.entropy * 100) / 100,
        ruleSource: match.rule.source
    };
    if (context.commit !== undefined) {
        properties['commit'] = context.commit;
    }
    return {
        tools: [BUILTIN_TOOL],
        engine: 'builtin',
        category: 'secrets',
        rule: { id: match.rule.id, name: match.rule.title, helpUri: match.rule.helpUri, description: match.rule.title },
        severity: match.rule.severity,
        message: `${match.rule.title}: ${redacted}${context.commit === undefined ? '' : ` (added in commit ${context.commit.slice(0, 12)})`}`,
        location: {
            path: context.path,
            startLine,
            endLine,
            startColumn: match.startColumn,
            endColumn: match.endLine === match.startLine ? match.endColumn : undefined,
            snippet: redactedSnippet(match.lineText, match.secret, context.fileSecrets)
        },
        cwes: [SECRET_CWE],
        vulnerabilityIds: [],
        fingerprint: '',
        controls: [],
        partialFingerprints: secretPartialFingerprints(match.rule.id, match.secret),
        properties
    };
}
/** Distinct secrets of a file up to which every snippet redacts all of them. */
const ALL_SECRETS_LIMIT = 64;
/**
 * Returns, for each match of a file, the secrets its snippet must redact: every secret of the
 * file when there are at most ALL_SECRETS_LIMIT distinct ones, else the secrets spanning lines
 * and those matched near it on its line. A file with thousands of secrets then costs time in
 * proportion to their number, not its square.
 */
function snippetSecrets(matches) {
    const distinct = [...new Set(matches.map((match) => match.secret))];
    if (distinct.length <= ALL_SECRETS_LIMIT) {
        return () => distinct;
    }
    const spanning = distinct.filter((secret) => /[\r\n]/.test(secret));
    const byLine = new Map();
    for (const match of matches) {
        const list = byLine.get(match.startLine) ?? [];
        list.push(match);
        byLine.set(match.startLine, list);
    }
    const longest = new Map();
    for (const [line, list] of byLine) {
        list.sort((a, b) => a.startColumn - b.startColumn);
        longest.set(line, Math.max(...list.map((match) => match.secret.length)));
    }
    return (match) => {
        const list = byLine.get(match.startLine) ?? [];
        const reach = 2 * MAX_SNIPPET_LENGTH + longest.get(match.startLine);
        const from = firstAtOrAfter(list, match.startColumn - reach);
        const nearby = [...spanning];
        for (let index = from; index < list.length && list[index].startColumn <= match.startColumn + match.secret.length + reach; index++) {
            nearby.push(list[index].secret);
        }
        return nearby;
    };
}
/** Returns the index of the first match in `sorted` whose start column is at least `column`. */
function firstAtOrAfter(sorted, column) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle].startColumn < column) {
            low = middle + 1;
        }
        else {
            high = middle;
        }
    }
    return low;
}
/**
 * Returns the line with every secret of the file redacted, cut to MAX_SNIPPET_LENGTH characters
 * around the secret. Redaction happens before the cut, so a cut never leaves part of a secret.
 */
function redactedSnippet(line, secret, fileSecrets) {
    return redactedExcerpt(line, secret, fileSecrets, MAX_SNIPPET_LENGTH);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/secrets/src/walk.ts



/** Bytes inspected for a NUL byte to tell binary files from text, as git does. */
const BINARY_PROBE_BYTES = 8000;
/**
 * Yields the text files under the target with their content, walked by core's `walkTree`
 * (every `.gitignore` from the workspace root down, `.git` and symbolic links skipped), and
 * skips binary files and files over the size limit. `stats` counts what was read and what was
 * skipped, by reason. A target that is a file is read even when `skipPath` matches it.
 */
function* walkFiles(options, stats) {
    const root = external_node_path_default().resolve(options.workspace);
    const targetPath = external_node_path_default().relative(root, external_node_path_default().resolve(options.target)).split((external_node_path_default()).sep).join('/');
    for (const entry of (0,src/* walkTree */.Ir)({ workspace: options.workspace, target: options.target, exclude: options.exclude, tracked: options.tracked })) {
        if (entry.kind === 'git' || entry.kind === 'ignored') {
            stats.skippedIgnored++;
        }
        else if (entry.kind === 'unreadable') {
            options.onError?.(entry.repoPath || '.', `folder not scanned: ${errorText(entry.error)}`);
        }
        else if (entry.kind === 'badName') {
            options.onError?.(entry.repoPath, 'not scanned: the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it');
        }
        else if (entry.kind === 'link' && entry.repoPath === targetPath) {
            options.onError?.(entry.repoPath, 'not scanned: the path to scan is, or lies below, a symbolic link, which could point out of the workspace; name the real path instead');
        }
        else if (entry.kind === 'file') {
            if (entry.repoPath !== targetPath && options.skipPath?.(entry.repoPath)) {
                stats.skippedIgnored++;
                continue;
            }
            let file;
            try {
                file = readCandidate(root, entry.repoPath, options, stats);
            }
            catch (error) {
                // One unreadable file (no permission, a name that is not UTF-8) must not end the walk.
                options.onError?.(entry.repoPath, `file not scanned: ${errorText(error)}`);
                continue;
            }
            if (file) {
                yield file;
            }
        }
        // Symbolic links below the target are passed over without a count.
    }
}
/** Formats a system error as its code and message, without the path the caller names already. */
function errorText(error) {
    const code = error.code;
    const message = error.message.replace(/, \w+ '.*'$/, '');
    return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
}
/**
 * Reads a file with one open: its size from the open descriptor, then the whole content,
 * which is dropped when a NUL byte occurs in its first bytes.
 */
function readCandidate(root, repoPath, options, stats) {
    const absolute = external_node_path_default().join(root, repoPath);
    const fd = (0,external_node_fs_.openSync)(absolute, 'r');
    let content;
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (size > options.maxFileBytes) {
            stats.skippedLarge++;
            options.onLarge?.(repoPath, size);
            return undefined;
        }
        content = Buffer.allocUnsafe(size);
        let filled = 0;
        while (filled < size) {
            const read = (0,external_node_fs_.readSync)(fd, content, filled, size - filled, filled);
            if (read === 0) {
                break;
            }
            filled += read;
        }
        if (filled < size) {
            content = content.subarray(0, filled);
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    if (content.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
        stats.skippedBinary++;
        return undefined;
    }
    stats.files++;
    stats.bytes += content.length;
    return { repoPath, content };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./packages/secrets/src/git.ts


/** Marks the start of a commit in `git log` output; no diff line can start with this byte. */
const COMMIT_MARK = '\u001ecommit ';
/** Options that keep git's output parseable whatever the user's git config says. */
const GIT_CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'color.ui=false'];
// --text, because a repository's .gitattributes could mark files `-diff` so that git prints
// "Binary files differ" instead of their lines. Binary content is scanned as text too.
const DIFF_OPTIONS = ['-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--text'];
/**
 * Returns the arguments of `git log` for the commits in `range` (`base..head`, or one commit
 * and its ancestors). `--cc` shows a merge commit's lines that match none of its parents, so a
 * secret added while resolving a merge is found. Lines a merge takes from a parent are not
 * repeated.
 */
function gitLogArguments(range) {
    return [...GIT_CONFIG, 'log', '-p', '--cc', ...DIFF_OPTIONS, `--format=${COMMIT_MARK}%H`, range, '--'];
}
function gitStagedArguments() {
    return [...GIT_CONFIG, 'diff', '--cached', ...DIFF_OPTIONS, '--'];
}
/**
 * Runs git once and yields the added lines of every file of every commit, streaming: one
 * `git log -p` process for the whole range, never one per commit. Throws a
 * ConfigurationError with git's message when git fails, for example on an unknown
 * revision in a shallow clone.
 */
async function* streamAddedLines(args, cwd, signal) {
    const child = (0,external_node_child_process_.spawn)('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
        stderr = (stderr + chunk).slice(-4000);
    });
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    const parser = new DiffParser();
    for await (const line of splitLines(child.stdout)) {
        const done = parser.push(line);
        if (done) {
            yield done;
        }
    }
    const last = parser.flush();
    if (last) {
        yield last;
    }
    const code = await exited;
    if (code !== 0) {
        const command = args.find((arg, index) => args[index - 1] !== '-c' && arg !== '-c') ?? 'git';
        throw new src/* ConfigurationError */.j1(`git ${command} failed with exit code ${code}: ${stderr.trim() || 'no message'}. In a shallow clone, check out with fetch-depth: 0.`);
    }
}
/**
 * Yields the lines of a stream split at line feeds only, without a CR before the line feed.
 * readline also splits at a lone CR, which would cut a line of a file with CR line endings
 * from its '+' and let file content start a fake 'diff --git' line.
 */
async function* splitLines(stream) {
    stream.setEncoding('utf8');
    let rest = '';
    for await (const chunk of stream) {
        const text = rest + chunk;
        let start = 0;
        for (let feed = text.indexOf('\n'); feed !== -1; feed = text.indexOf('\n', start)) {
            yield text.slice(start, feed > start && text[feed - 1] === '\r' ? feed - 1 : feed);
            start = feed + 1;
        }
        rest = text.slice(start);
    }
    if (rest !== '') {
        yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
    }
}
/** Parses unified diff output with zero context lines, one line at a time. */
class DiffParser {
    commit;
    current;
    inHunk = false;
    nextLine = 0;
    /** Columns of the line prefix: 1 in a diff, the number of parents in a merge's combined diff. */
    prefixWidth = 1;
    /** Feeds one line; returns the previous file's added lines when this line ends them. */
    push(line) {
        if (line.startsWith(COMMIT_MARK)) {
            const done = this.flush();
            this.commit = line.slice(COMMIT_MARK.length).trim();
            return done;
        }
        if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
            const done = this.flush();
            this.current = { commit: this.commit, path: '', lines: [], lineNumbers: [] };
            this.inHunk = false;
            return done;
        }
        if (!this.current) {
            return undefined;
        }
        if (!this.inHunk) {
            if (line.startsWith('+++ ')) {
                const target = unquote(line.slice(4));
                this.current.path = target === '/dev/null' ? '' : target.replace(/^b\//, '');
            }
        }
        if (line.startsWith('@@')) {
            // "@@ -a,b +c,d @@" in a diff; "@@@ -a,b -c,d +e,f @@@" (one more @ per parent) in a combined diff.
            const header = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? \1/.exec(line);
            this.inHunk = header !== null;
            this.prefixWidth = header ? header[1].length - 1 : 1;
            this.nextLine = header ? Number(header[2]) : 0;
            return undefined;
        }
        if (!this.inHunk) {
            return undefined;
        }
        const prefix = line.slice(0, this.prefixWidth);
        // Removed lines are not in the new file; "\ No newline at end of file" is no line at all.
        if (prefix.includes('-') || line.startsWith('\\')) {
            return undefined;
        }
        // A line is new when every column is '+': added by the commit, or by a merge against all parents.
        if (/^\++$/.test(prefix)) {
            this.current.lines.push(line.slice(this.prefixWidth));
            this.current.lineNumbers.push(this.nextLine);
        }
        this.nextLine++;
        return undefined;
    }
    flush() {
        const done = this.current;
        this.current = undefined;
        this.inHunk = false;
        return done && done.path !== '' && done.lines.length > 0 ? done : undefined;
    }
}
/** Undoes git's C-style quoting of a path (`"b/na\303\257ve.txt"`). */
function unquote(text) {
    if (!text.startsWith('"') || !text.endsWith('"')) {
        return text;
    }
    const bytes = [];
    const body = text.slice(1, -1);
    const escapes = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let index = 0; index < body.length; index++) {
        const char = body[index];
        if (char !== '\\') {
            bytes.push(...Buffer.from(char, 'utf8'));
            continue;
        }
        const next = body[index + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(body.slice(index + 1, index + 4), 8));
            index += 3;
        }
        else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            index += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
const ZERO_SHA = /^0+$/;
/**
 * Returns the commit range of a GitHub event: base and head of a pull request, before and
 * after of a push. A push that creates a branch (before is all zeros) gives only `head`,
 * which scans the head commit's whole history.
 */
function rangeFromEvent(eventName, payload) {
    const event = (payload ?? {});
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && event['pull_request']) {
        return { base: event['pull_request']?.base?.sha, head: event['pull_request']?.head?.sha };
    }
    if (eventName === 'push') {
        const before = typeof event['before'] === 'string' && !ZERO_SHA.test(event['before']) ? event['before'] : undefined;
        return { base: before, head: event['after'] };
    }
    return {};
}
/** Returns the `git log` revision argument for a range; a missing head means HEAD. */
function revisionRange(range) {
    const head = range.head || 'HEAD';
    for (const revision of [range.base, head]) {
        if (revision !== undefined && !/^[A-Za-z0-9._/@^~{}-]+$/.test(revision)) {
            throw new src/* ConfigurationError */.j1(`Invalid git revision "${revision}": expected a commit SHA, branch or tag name.`);
        }
        if (revision?.startsWith('-')) {
            throw new src/* ConfigurationError */.j1(`Invalid git revision "${revision}": it must not start with "-".`);
        }
    }
    return range.base ? `${range.base}..${head}` : head;
}

// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(80475);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./packages/secrets/src/gitleaks-config.ts



/** Severity of rules read from a gitleaks config, which has no severities. */
const GITLEAKS_RULE_SEVERITY = 'high';
/**
 * Parses a gitleaks config (TOML): rules, rule and global allowlists and `[extend]`. Regular
 * expressions are compiled with re2js, the RE2 syntax gitleaks uses, and run in linear time,
 * so no pattern in a repository's config can hang a scan. Throws a ConfigurationError naming
 * the file and the rule or key at fault.
 */
function parseGitleaksConfig(text, file) {
    let document;
    try {
        document = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        // smol-toml gives the place as line and column. Its message quotes the lines around it, which are left out.
        const { line, column } = error;
        const place = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
        const reason = error.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
        throw new src/* ConfigurationError */.j1(`${file}: invalid TOML${place}: ${reason}`);
    }
    const extend = optionalTable(document['extend'], file, 'extend');
    if (extend?.['path'] !== undefined || extend?.['url'] !== undefined) {
        throw new src/* ConfigurationError */.j1(`${file}: [extend] path and url are not supported; use useDefault = true to extend the built-in rules.`);
    }
    const rulesValue = document['rules'] ?? [];
    if (!Array.isArray(rulesValue)) {
        throw new src/* ConfigurationError */.j1(`${file}: "rules" must be an array of tables ([[rules]]).`);
    }
    const rules = [];
    const pathOnlyRules = [];
    const keywordTotal = { characters: 0 };
    rulesValue.forEach((value, index) => {
        const table = optionalTable(value, file, `rules[${index}]`);
        const id = table['id'];
        if (typeof id !== 'string' || id === '') {
            throw new src/* ConfigurationError */.j1(`${file}: rules[${index}] has no id; every [[rules]] entry needs id = "...".`);
        }
        if (table['regex'] === undefined) {
            if (table['path'] !== undefined) {
                pathOnlyRules.push(id);
                return;
            }
            throw new src/* ConfigurationError */.j1(`${file}: rule "${id}" has neither regex nor path.`);
        }
        rules.push(compileGitleaksRule(table, id, file, keywordTotal));
    });
    const allowlists = [];
    if (document['allowlist'] !== undefined) {
        allowlists.push(parseAllowlist(document['allowlist'], file, 'allowlist', true));
    }
    const list = document['allowlists'];
    if (Array.isArray(list)) {
        list.forEach((value, index) => allowlists.push(parseAllowlist(value, file, `allowlists[${index}]`, true)));
    }
    return {
        file,
        title: typeof document['title'] === 'string' ? document['title'] : undefined,
        useDefault: extend?.['useDefault'] === true,
        disabledRules: stringList(extend?.['disabledRules'], file, 'extend.disabledRules'),
        rules,
        pathOnlyRules,
        allowlists
    };
}
/** Returns the global allowlists of a gitleaks config as one check for the detector. */
function gitleaksGlobalAllow(config) {
    return (candidate, rule) => config.allowlists.some((list) => (list.targetRules.length === 0 || list.targetRules.includes(rule.id)) && allowlistAllows(list, candidate));
}
/** Returns true when a global path allowlist excludes the file entirely. */
function gitleaksSkipsPath(config, repoPath) {
    return config.allowlists.some((list) => list.targetRules.length === 0 && list.condition === 'OR' && list.paths.some((pattern) => pattern.matcher(repoPath).find()));
}
function compileGitleaksRule(table, id, file, keywordTotal) {
    const pattern = compileRe2(table['regex'], file, `rule "${id}" regex`);
    const budget = new MatchBudget();
    const secretGroup = table['secretGroup'] === undefined ? undefined : Number(table['secretGroup']);
    if (secretGroup !== undefined && (!Number.isInteger(secretGroup) || secretGroup < 0 || secretGroup > pattern.groupCount())) {
        throw new src/* ConfigurationError */.j1(`${file}: rule "${id}" secretGroup ${String(table['secretGroup'])} is not a group of its regex, which has ${pattern.groupCount()}.`);
    }
    const entropy = table['entropy'];
    if (entropy !== undefined && typeof entropy !== 'number') {
        throw new src/* ConfigurationError */.j1(`${file}: rule "${id}" entropy must be a number, got ${JSON.stringify(entropy)}.`);
    }
    const pathPattern = table['path'] === undefined ? undefined : compileRe2(table['path'], file, `rule "${id}" path`);
    const allowlists = [];
    if (table['allowlist'] !== undefined) {
        allowlists.push(parseAllowlist(table['allowlist'], file, `rule "${id}" allowlist`, false));
    }
    if (Array.isArray(table['allowlists'])) {
        table['allowlists'].forEach((value, index) => allowlists.push(parseAllowlist(value, file, `rule "${id}" allowlists[${index}]`, false)));
    }
    const severityTag = stringList(table['tags'], file, `rule "${id}" tags`).map((tag) => tag.toLowerCase()).find(src/* isSeverity */._Z);
    const compiled = {
        id,
        title: typeof table['description'] === 'string' && table['description'] !== '' ? table['description'] : id,
        severity: severityTag ?? GITLEAKS_RULE_SEVERITY,
        keywords: ruleKeywords(table['keywords'], file, `rule "${id}" keywords`, keywordTotal),
        minEntropy: entropy,
        source: file,
        budget,
        matches: (text) => re2Matches(pattern, text, secretGroup, compiled.budget),
        allows(candidate) {
            if (pathPattern && !pathPattern.matcher(candidate.path).find()) {
                return true;
            }
            return allowlists.some((list) => allowlistAllows(list, candidate));
        }
    };
    return compiled;
}
function allowlistAllows(list, candidate) {
    const target = list.regexTarget === 'match' ? candidate.match : list.regexTarget === 'line' ? candidate.line : candidate.secret;
    const checks = [];
    if (list.regexes.length > 0) {
        checks.push(list.regexes.some((pattern) => pattern.matcher(target).find()));
    }
    if (list.stopwords.length > 0) {
        const lower = candidate.secret.toLowerCase();
        checks.push(list.stopwords.some((word) => lower.includes(word)));
    }
    if (list.paths.length > 0) {
        checks.push(list.paths.some((pattern) => pattern.matcher(candidate.path).find()));
    }
    if (checks.length === 0) {
        return false;
    }
    return list.condition === 'AND' ? checks.every(Boolean) : checks.some(Boolean);
}
function parseAllowlist(value, file, place, global) {
    const table = optionalTable(value, file, place);
    const regexTarget = table['regexTarget'] ?? 'secret';
    if (regexTarget !== 'secret' && regexTarget !== 'match' && regexTarget !== 'line') {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} regexTarget must be "secret", "match" or "line", got ${JSON.stringify(regexTarget)}.`);
    }
    const condition = String(table['condition'] ?? 'OR').toUpperCase();
    if (condition !== 'OR' && condition !== 'AND') {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} condition must be "OR" or "AND", got ${JSON.stringify(table['condition'])}.`);
    }
    const targetRules = stringList(table['targetRules'], file, `${place} targetRules`);
    if (!global && targetRules.length > 0) {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} sets targetRules, which only a global allowlist may set.`);
    }
    const list = {
        regexes: stringList(table['regexes'], file, `${place} regexes`).map((source, index) => compileRe2(source, file, `${place} regexes[${index}]`)),
        regexTarget,
        stopwords: stringList(table['stopwords'], file, `${place} stopwords`).map((word) => word.toLowerCase()),
        paths: stringList(table['paths'], file, `${place} paths`).map((source, index) => compileRe2(source, file, `${place} paths[${index}]`)),
        commits: new Set(stringList(table['commits'], file, `${place} commits`)),
        condition,
        targetRules
    };
    if (list.regexes.length + list.stopwords.length + list.paths.length + list.commits.size === 0) {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} is empty; it needs at least one of regexes, stopwords, paths or commits.`);
    }
    return list;
}
/**
 * Most instructions a rule's compiled program may have. The largest rule of gitleaks' default
 * config compiles to 1,972; matching costs up to one step per instruction and character.
 */
const MAX_RE2_INSTRUCTIONS = 10_000;
/** Compiles an RE2 pattern with re2js; the error names the file and the key. */
function compileRe2(value, file, place) {
    if (typeof value !== 'string') {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} must be a string, got ${JSON.stringify(value)}.`);
    }
    let compiled;
    try {
        compiled = build/* RE2JS */.L3.compile(value);
    }
    catch (error) {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} is not a valid RE2 regular expression: ${error.message}`);
    }
    // re2js keeps the compiled program on an internal field; when a release renames it, the check is skipped.
    const instructions = compiled.re2Input?.prog?.inst?.length;
    if (instructions !== undefined && instructions > MAX_RE2_INSTRUCTIONS) {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} compiles to ${instructions} instructions, more than the maximum of ${MAX_RE2_INSTRUCTIONS}; split it into simpler rules.`);
    }
    return compiled;
}
/** Maximum length of a keyword of a rule from a config, in characters. */
const MAX_KEYWORD_LENGTH = 100;
/**
 * Most keyword characters the rules of one config file may have in all: the keyword index
 * takes 1 KiB of memory per character.
 */
const MAX_KEYWORD_CHARACTERS = 50_000;
/**
 * Returns a rule's keywords in lower case. An empty keyword or one longer than
 * MAX_KEYWORD_LENGTH is an error naming the file and the rule. `total` counts the characters
 * of a whole file against MAX_KEYWORD_CHARACTERS.
 */
function ruleKeywords(value, file, place, total) {
    const keywords = stringList(value, file, place);
    for (const keyword of keywords) {
        if (keyword.trim() === '') {
            throw new src/* ConfigurationError */.j1(`${file}: ${place} contains an empty keyword; every keyword must contain a character other than a blank.`);
        }
        if (keyword.length > MAX_KEYWORD_LENGTH) {
            throw new src/* ConfigurationError */.j1(`${file}: ${place} contains a keyword of ${keyword.length} characters, more than the maximum of ${MAX_KEYWORD_LENGTH}.`);
        }
        total.characters += keyword.length;
    }
    if (total.characters > MAX_KEYWORD_CHARACTERS) {
        throw new src/* ConfigurationError */.j1(`${file}: the keywords of its rules have ${total.characters} characters by ${place}, more than the maximum of ${MAX_KEYWORD_CHARACTERS}.`);
    }
    return keywords.map((keyword) => keyword.toLowerCase());
}
/** Time the rules from config files may spend matching over one scan, in all. */
const RULE_TIME_BUDGET_MS = 60_000;
/**
 * Matching time of rules from config files over a scan, shared by all of them. re2js runs in
 * time linear in each search, but a rule can still search the rest of a long line once per
 * match, or match so often that its candidates cost the time. Rules over budget stop.
 */
class MatchBudget {
    limitMs;
    spentMs = 0;
    runningSince;
    /** The file being scanned when the budget ran out. */
    exhaustedIn;
    /** The rule running when the budget ran out. */
    exhaustedBy;
    constructor(limitMs = RULE_TIME_BUDGET_MS) {
        this.limitMs = limitMs;
    }
    /** Starts counting the time of a rule on one text. */
    start() {
        this.runningSince = performance.now();
    }
    /** Stops counting, and records where the budget ran out when it did. */
    stop(path, ruleId) {
        if (this.runningSince !== undefined) {
            this.spentMs += performance.now() - this.runningSince;
            this.runningSince = undefined;
        }
        if (this.exhausted && this.exhaustedIn === undefined) {
            this.exhaustedIn = path;
            this.exhaustedBy = ruleId;
        }
    }
    get exhausted() {
        const running = this.runningSince === undefined ? 0 : performance.now() - this.runningSince;
        return this.spentMs + running > this.limitMs;
    }
}
function optionalTable(value, file, place) {
    if (value === undefined) {
        return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} must be a table.`);
    }
    return value;
}
function stringList(value, file, place) {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        throw new src/* ConfigurationError */.j1(`${file}: ${place} must be an array of strings.`);
    }
    return value;
}
/** Parses `.gitleaksignore`: one gitleaks fingerprint a line (`[commit:]file:rule-id:line`), `#` comments. */
function parseGitleaksIgnore(text) {
    const fingerprints = new Map();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line !== '' && !line.startsWith('#')) {
            fingerprints.set(line, index + 1);
        }
    });
    return fingerprints;
}
/** Returns the gitleaks fingerprint of a finding, as `.gitleaksignore` lists them. */
function gitleaksFingerprint(path, ruleId, line, commit) {
    return commit ? `${commit}:${path}:${ruleId}:${line}` : `${path}:${ruleId}:${line}`;
}
/**
 * Yields every non-empty match of a re2js pattern in `text`. The secret is capture group
 * `secretGroup`, or when none is set the first group that matched, else the whole match, as
 * gitleaks picks it. An empty match advances one character so the loop always ends.
 */
function* re2Matches(pattern, text, secretGroup, budget) {
    const matcher = pattern.matcher(text);
    let from = 0;
    while (from <= text.length && !(budget?.exhausted ?? false)) {
        if (!matcher.find(from)) {
            break;
        }
        const start = matcher.start();
        const end = matcher.end();
        from = end > start ? end : end + 1;
        let group = secretGroup;
        if (group === undefined) {
            group = 0;
            for (let index = 1; index <= matcher.groupCount(); index++) {
                if (matcher.group(index)) {
                    group = index;
                    break;
                }
            }
        }
        const secret = matcher.group(group) ?? '';
        if (secret !== '') {
            yield { start, end, secret, secretStart: matcher.start(group) };
        }
    }
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./schema/devsecops.schema.json
var devsecops_schema = __webpack_require__(35851);
;// CONCATENATED MODULE: ./packages/secrets/src/settings.ts




const SECRETS_MODES = ['files', 'history', 'staged'];
/** Default size limit of scanned files: larger files are skipped and counted. */
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const DEFAULT_TOOL_TIMEOUT_SECONDS = 600;
const settings_ajv = new ajv.Ajv({ allErrors: true, strict: true });
const validateSection = settings_ajv.compile(devsecops_schema.properties.secrets);
/**
 * Validates the `secrets` section and merges it with the scanner settings (action inputs or
 * command-line options), which take precedence. Throws a ConfigurationError naming the key.
 */
function resolveSettings(options) {
    const file = options.config.file ?? '.github/devsecops.yml';
    const raw = options.config.sections['secrets'] ?? {};
    if (!validateSection(raw)) {
        const problems = (validateSection.errors ?? []).map((error) => `secrets${error.instancePath.replace(/\//g, '.')} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${error.params.allowedValues.join(', ')})` : ''}`);
        throw new src/* ConfigurationError */.j1(`${file}: invalid secrets section: ${problems.join('; ')}`);
    }
    const section = raw;
    const mode = options.settings['mode'] ?? section.mode ?? 'files';
    if (!SECRETS_MODES.includes(mode)) {
        throw new src/* ConfigurationError */.j1(`mode: "${mode}" is not a scan mode; expected one of ${SECRETS_MODES.join(', ')}.`);
    }
    const keywordTotal = { characters: 0 };
    return {
        mode: mode,
        base: options.settings['base'] ?? section.base,
        head: options.settings['head'] ?? section.head,
        maxFileBytes: section['max-file-size'] ?? DEFAULT_MAX_FILE_BYTES,
        exclude: [...(section.exclude ?? []), ...(section.allowlist?.paths ?? [])],
        gitleaksConfig: section['gitleaks-config'],
        gitleaksIgnore: section['gitleaks-ignore'],
        toolTimeoutMs: (section['tool-timeout'] ?? DEFAULT_TOOL_TIMEOUT_SECONDS) * 1000,
        customRules: (section.rules ?? []).map((rule, index) => compileCustomRule(rule, file, index, keywordTotal)),
        allowRegexes: (section.allowlist?.regexes ?? []).map((source, index) => compileRe2(source, file, `secrets.allowlist.regexes[${index}]`)),
        stopwords: (section.allowlist?.stopwords ?? []).map((word) => word.toLowerCase())
    };
}
function compileCustomRule(rule, file, index, keywordTotal) {
    const pattern = compileRe2(rule.regex, file, `secrets.rules[${index}].regex`);
    const budget = new MatchBudget();
    const group = rule['secret-group'];
    if (group !== undefined && group > pattern.groupCount()) {
        throw new src/* ConfigurationError */.j1(`${file}: secrets.rules[${index}].secret-group is ${group}, but the regex has ${pattern.groupCount()} group(s).`);
    }
    const compiled = {
        id: rule.id,
        title: rule.title ?? rule.id,
        severity: rule.severity ?? 'high',
        keywords: ruleKeywords(rule.keywords, file, `secrets.rules[${index}].keywords`, keywordTotal),
        minEntropy: rule.entropy,
        source: file,
        budget,
        matches: (text) => re2Matches(pattern, text, group, compiled.budget),
        allows: (_candidate) => false
    };
    return compiled;
}

;// CONCATENATED MODULE: ./packages/secrets/src/reports/common.ts



/**
 * Builds a finding from a reported secret. The secret itself never reaches the finding: the
 * message and snippet show its redacted form, and the fingerprint hashes it with the rule id.
 * A path outside the workspace is dropped from the location with a warning.
 */
function reportedFinding(reported, context) {
    const secrets = reported.secret ? [reported.secret] : [];
    if (reported.secret) {
        context.onSecret?.(reported.secret);
    }
    const properties = {};
    if (reported.secret) {
        properties['redacted'] = redact(reported.secret);
    }
    if (reported.commit) {
        properties['commit'] = reported.commit;
    }
    if (reported.verified !== undefined) {
        properties['verified'] = reported.verified;
    }
    const finding = {
        tools: [reported.tool],
        category: 'secrets',
        rule: { id: reported.ruleId, name: reported.ruleName ?? reported.ruleId },
        severity: reported.severity,
        message: `${reported.ruleName ?? reported.ruleId}${reported.secret ? `: ${redact(reported.secret)}` : ''}${reported.commit ? ` (commit ${reported.commit.slice(0, 12)})` : ''}`,
        cwes: [SECRET_CWE],
        vulnerabilityIds: [],
        fingerprint: '',
        controls: [],
        sourceFile: context.file,
        properties
    };
    const identity = reported.secret ?? reported.secretHash;
    if (identity) {
        finding.partialFingerprints = secretPartialFingerprints(reported.ruleId, identity);
    }
    if (reported.path !== undefined && reported.path !== '') {
        const repoPath = (0,src/* toRepoPath */.xD)(context.workspace, reported.path);
        if (repoPath === undefined) {
            context.warnings.push(`${context.file}: path "${reported.path}" is outside the workspace; the finding of rule ${reported.ruleId} is kept without a location.`);
        }
        else {
            finding.location = { path: repoPath };
            if (reported.line !== undefined && Number.isInteger(reported.line) && reported.line > 0) {
                finding.location.startLine = reported.line;
                finding.location.endLine = reported.endLine && reported.endLine >= reported.line ? reported.endLine : reported.line;
            }
            if (reported.lineText !== undefined && secrets.length > 0) {
                finding.location.snippet = redactedExcerpt(reported.lineText, secrets[0], secrets, MAX_SNIPPET_LENGTH);
            }
        }
    }
    return finding;
}
/** Maps a tool's severity word, or returns the fallback. */
function severityWord(value, fallback) {
    if (typeof value !== 'string') {
        return fallback;
    }
    const word = value.trim().toLowerCase();
    return (0,src/* isSeverity */._Z)(word) ? word : fallback;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringValue(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function integerValue(value) {
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/secrets/src/reports/adapters.ts





/** Largest report read, in bytes. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** Reads a secret scanner's report from disk; see `parseSecretReport`. */
async function readSecretReport(file, workspace, displayName = file, onSecret) {
    let text;
    try {
        const buffer = await (0,promises_.readFile)(file);
        if (buffer.length > MAX_REPORT_BYTES) {
            throw new src/* ReportError */.$g(displayName, `larger than ${MAX_REPORT_BYTES} bytes`);
        }
        text = buffer.toString('utf8');
    }
    catch (error) {
        if (error instanceof src/* ReportError */.$g) {
            throw error;
        }
        throw new src/* ReportError */.$g(displayName, `cannot be read: ${error.message}`);
    }
    return parseSecretReport(text, displayName, workspace, onSecret);
}
/**
 * Parses a report of gitleaks (v7 and v8 JSON, SARIF), TruffleHog (v2 and v3 JSON lines),
 * trufflehog3, detect-secrets or ggshield, recognised by its shape. An empty file, `null`
 * and `[]` are reports with no findings. Anything else is a ReportError naming the file.
 */
function parseSecretReport(text, file, workspace, onSecret) {
    const context = { workspace, file, warnings: [], onSecret };
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed === '' || trimmed === 'null' || trimmed === '[]' || trimmed === '{}') {
        return { format: 'empty', findings: [], warnings: [] };
    }
    let document;
    try {
        document = JSON.parse(trimmed);
    }
    catch {
        return jsonLinesReport(parseJsonLines(trimmed, file), context);
    }
    if (Array.isArray(document)) {
        return arrayReport(document, context);
    }
    if (!isObject(document)) {
        throw new src/* ReportError */.$g(file, `expected a JSON object or array, got ${typeof document}`);
    }
    if (Array.isArray(document['runs'])) {
        return sarifReport(trimmed, context);
    }
    if (isObject(document['results']) && ('plugins_used' in document || 'generated_at' in document || 'version' in document)) {
        return { format: 'detect-secrets', findings: detectSecrets(document['results'], context), warnings: context.warnings };
    }
    if (Array.isArray(document['scans']) || Array.isArray(document['entities_with_incidents'])) {
        return { format: 'ggshield', findings: ggshield(document, context), warnings: context.warnings };
    }
    if ('SourceMetadata' in document || 'stringsFound' in document) {
        return jsonLinesReport([document], context);
    }
    throw new src/* ReportError */.$g(file, 'not a secret scanner report this suite reads: expected gitleaks, TruffleHog, trufflehog3, detect-secrets, ggshield or SARIF output');
}
/**
 * Parses a JSON lines report (one object a line, as TruffleHog writes). A text that is neither
 * JSON nor JSON lines gets the position of its first error. Error messages never quote the
 * text, because it may contain secrets.
 */
function parseJsonLines(text, file) {
    const records = [];
    const lines = text.split(/\r?\n/);
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index].trim();
        if (line === '') {
            continue;
        }
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            if (index === 0) {
                (0,src/* parseJsonText */.lk)(text, file);
            }
            const error = (0,src/* locateJsonError */.R4)(line);
            throw new src/* ReportError */.$g(file, `line ${index + 1}, column ${error.column + lines[index].indexOf(line)}: invalid JSON in a JSON lines report: expected ${error.expected}`);
        }
        if (!isObject(value)) {
            throw new src/* ReportError */.$g(file, `line ${index + 1}: expected a JSON object`);
        }
        records.push(value);
    }
    return records;
}
function jsonLinesReport(records, context) {
    const findings = [];
    let format = 'trufflehog-v2';
    records.forEach((record, index) => {
        if ('SourceMetadata' in record) {
            format = 'trufflehog-v3';
            findings.push(trufflehogV3(record, context));
        }
        else if (Array.isArray(record['stringsFound'])) {
            findings.push(...trufflehogV2(record, context));
        }
        else {
            throw new src/* ReportError */.$g(context.file, `record ${index + 1}: neither a TruffleHog v2 nor a v3 result (no stringsFound or SourceMetadata)`);
        }
    });
    return { format, findings, warnings: context.warnings };
}
function arrayReport(items, context) {
    const first = items.find(isObject);
    if (!first) {
        throw new src/* ReportError */.$g(context.file, 'expected an array of result objects');
    }
    if ('RuleID' in first || 'StartLine' in first) {
        return { format: 'gitleaks', findings: items.map((item, index) => gitleaksV8(objectAt(item, index, context), context)), warnings: context.warnings };
    }
    if ('offender' in first || ('rule' in first && 'file' in first)) {
        return { format: 'gitleaks', findings: items.map((item, index) => gitleaksV7(objectAt(item, index, context), context)), warnings: context.warnings };
    }
    if ('stringsFound' in first || ('secret' in first && 'rule' in first)) {
        return { format: 'trufflehog3', findings: items.flatMap((item, index) => trufflehog3(objectAt(item, index, context), context)), warnings: context.warnings };
    }
    throw new src/* ReportError */.$g(context.file, 'an array, but not of gitleaks or trufflehog3 results');
}
function objectAt(item, index, context) {
    if (!isObject(item)) {
        throw new src/* ReportError */.$g(context.file, `result ${index + 1}: expected an object`);
    }
    return item;
}
/** gitleaks 8: capitalised keys; severity only from a tag such as "HIGH". */
function gitleaksV8(item, context) {
    const tags = Array.isArray(item['Tags']) ? item['Tags'] : [];
    const tagged = tags.map((tag) => severityWord(tag, 'info')).find((severity, index) => severity !== 'info' || String(tags[index]).toLowerCase() === 'info');
    return reportedFinding({
        tool: 'gitleaks',
        ruleId: stringValue(item['RuleID']) ?? stringValue(item['Description']) ?? 'gitleaks',
        ruleName: stringValue(item['Description']),
        severity: tagged ?? 'high',
        path: stringValue(item['File']),
        line: integerValue(item['StartLine']),
        endLine: integerValue(item['EndLine']),
        secret: stringValue(item['Secret']) ?? stringValue(item['Match']),
        lineText: stringValue(item['Line']) ?? stringValue(item['Match']),
        commit: stringValue(item['Commit'])
    }, context);
}
/** gitleaks 7: lower-case keys, `lineNumber` (absent in early 7.x), `offender` is the secret. */
function gitleaksV7(item, context) {
    return reportedFinding({
        tool: 'gitleaks',
        ruleId: stringValue(item['rule']) ?? 'gitleaks',
        severity: 'high',
        path: stringValue(item['file']),
        line: integerValue(item['lineNumber']),
        secret: stringValue(item['offender']),
        lineText: stringValue(item['line']),
        commit: stringValue(item['commit'])
    }, context);
}
/**
 * TruffleHog 2: one result per commit and file with the diff and the strings found. Each
 * string is one finding; its line is found in the diff's added or context lines, so a string
 * that only a removed line holds has no line.
 */
function trufflehogV2(record, context) {
    const strings = record['stringsFound'].filter((value) => typeof value === 'string');
    const diff = stringValue(record['diff']) ?? '';
    const reason = stringValue(record['reason']) ?? 'TruffleHog';
    return strings.map((secret) => reportedFinding({
        tool: 'trufflehog',
        ruleId: reason,
        severity: /entropy/i.test(reason) ? 'medium' : 'high',
        path: stringValue(record['path']),
        line: lineInDiff(diff, secret),
        secret,
        commit: stringValue(record['commitHash'])
    }, context));
}
/** Returns the new-file line of the first added or context line that contains `text`. */
function lineInDiff(diff, text) {
    let line = 0;
    let inHunk = false;
    for (const row of diff.split('\n')) {
        const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
        if (header) {
            line = Number(header[1]);
            inHunk = true;
            continue;
        }
        if (!inHunk || row.startsWith('-') || row.startsWith('\\')) {
            continue;
        }
        if (row.includes(text)) {
            return line;
        }
        line++;
    }
    return undefined;
}
/** TruffleHog 3: one JSON line per result; the place is under SourceMetadata.Data.<source>. */
function trufflehogV3(record, context) {
    const data = isObject(record['SourceMetadata']) && isObject(record['SourceMetadata']['Data']) ? record['SourceMetadata']['Data'] : {};
    const source = Object.values(data).find(isObject) ?? {};
    const detector = stringValue(record['DetectorName']) ?? String(record['DetectorType'] ?? 'TruffleHog');
    const verified = record['Verified'] === true;
    return reportedFinding({
        tool: 'trufflehog',
        ruleId: detector,
        severity: verified ? 'critical' : 'high',
        path: stringValue(source['file']) ?? stringValue(source['path']),
        line: integerValue(source['line']),
        secret: stringValue(record['Raw']) ?? stringValue(record['RawV2']),
        commit: stringValue(source['commit']),
        verified
    }, context);
}
/**
 * trufflehog3: the current format has `rule`, `secret` and a string `line`; the legacy format
 * (as TruffleHog 2) has `stringsFound`, diff lines without line numbers, one finding each.
 */
function trufflehog3(item, context) {
    if (Array.isArray(item['stringsFound'])) {
        const reason = stringValue(item['reason']) ?? 'trufflehog3';
        return item['stringsFound']
            .filter((value) => typeof value === 'string')
            .map((found) => reportedFinding({
            tool: 'trufflehog3',
            ruleId: reason,
            severity: /entropy/i.test(reason) ? 'medium' : 'high',
            path: stringValue(item['path']),
            secret: found.replace(/^[+-]/, '').trim(),
            commit: stringValue(item['commitHash'])
        }, context));
    }
    const rule = isObject(item['rule']) ? item['rule'] : {};
    const line = integerValue(item['line']);
    const contextLines = isObject(item['context']) ? item['context'] : {};
    const lineText = line === undefined ? undefined : stringValue(contextLines[String(line)]);
    return [
        reportedFinding({
            tool: 'trufflehog3',
            ruleId: stringValue(rule['id']) ?? 'trufflehog3',
            ruleName: stringValue(rule['message']),
            severity: severityWord(rule['severity'], 'high'),
            path: stringValue(item['path']),
            line,
            secret: stringValue(item['secret']),
            lineText,
            commit: stringValue(item['commit'])
        }, context)
    ];
}
/** detect-secrets baseline: results by file; secrets are SHA-1 hashed, never in clear. */
function detectSecrets(results, context) {
    const findings = [];
    for (const [file, entries] of Object.entries(results)) {
        if (!Array.isArray(entries)) {
            throw new src/* ReportError */.$g(context.file, `results["${file}"]: expected an array`);
        }
        for (const entry of entries) {
            if (!isObject(entry)) {
                throw new src/* ReportError */.$g(context.file, `results["${file}"]: expected objects`);
            }
            const type = stringValue(entry['type']) ?? 'detect-secrets';
            const finding = reportedFinding({
                tool: 'detect-secrets',
                ruleId: type,
                severity: entry['is_verified'] === true ? 'critical' : 'high',
                path: stringValue(entry['filename']) ?? file,
                line: integerValue(entry['line_number']),
                secretHash: stringValue(entry['hashed_secret']),
                verified: entry['is_verified'] === true
            }, context);
            if (entry['is_secret'] === false) {
                finding.suppression = { kind: 'config', justification: 'marked is_secret: false in the detect-secrets baseline', source: context.file };
            }
            findings.push(finding);
        }
    }
    return findings;
}
/** ggshield: a commit-range report (`scans`) or a path report (`entities_with_incidents`). Matches are already masked. */
function ggshield(document, context) {
    const scans = Array.isArray(document['scans']) ? document['scans'] : [document];
    const findings = [];
    for (const scan of scans) {
        if (!isObject(scan)) {
            continue;
        }
        const commit = scan['type'] === 'commit' ? stringValue(scan['id']) : undefined;
        for (const entity of Array.isArray(scan['entities_with_incidents']) ? scan['entities_with_incidents'] : []) {
            if (!isObject(entity)) {
                continue;
            }
            for (const incident of Array.isArray(entity['incidents']) ? entity['incidents'] : []) {
                if (!isObject(incident)) {
                    continue;
                }
                for (const occurrence of Array.isArray(incident['occurrences']) ? incident['occurrences'] : []) {
                    if (!isObject(occurrence)) {
                        continue;
                    }
                    findings.push(reportedFinding({
                        tool: 'ggshield',
                        ruleId: stringValue(incident['type']) ?? 'ggshield',
                        severity: incident['validity'] === 'valid' ? 'critical' : 'high',
                        path: stringValue(entity['filename']),
                        line: integerValue(occurrence['line_start']),
                        endLine: integerValue(occurrence['line_end']),
                        secretHash: stringValue(incident['ignore_sha']),
                        commit
                    }, context));
                }
            }
        }
    }
    return findings;
}
/**
 * Reads SARIF with the core reader, then removes what gitleaks and others put there in
 * clear: the snippet and the `offender`, `secret` and `match` properties become a hash and a
 * redacted form.
 */
function sarifReport(text, context) {
    const result = (0,src/* parseSarif */.r1)(text, context.file, { workspace: context.workspace });
    for (const finding of result.findings) {
        const properties = finding.properties ?? {};
        const secret = [properties['offender'], properties['secret'], properties['Secret'], properties['match']].find((value) => typeof value === 'string' && value !== '');
        const kept = {};
        if (typeof properties['commit'] === 'string') {
            kept['commit'] = properties['commit'];
        }
        if (secret) {
            context.onSecret?.(secret);
            kept['redacted'] = redact(secret);
            finding.partialFingerprints = { ...finding.partialFingerprints, ...secretPartialFingerprints(finding.rule.id, secret) };
            finding.message = finding.message.split(secret).join(redact(secret));
        }
        finding.properties = kept;
        finding.category = 'secrets';
        finding.cwes = [...new Set([...finding.cwes, SECRET_CWE])];
        if (finding.location) {
            delete finding.location.snippet;
        }
    }
    return { format: 'sarif', findings: result.findings, warnings: [...context.warnings, ...result.warnings] };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./packages/tools/src/index.ts + 9 modules
var tools_src = __webpack_require__(57129);
;// CONCATENATED MODULE: ./packages/secrets/src/engines.ts





const EXTERNAL_ENGINES = ['gitleaks', 'trufflehog'];
const installPinnedTool = (name, logger) => (0,tools_src/* installBinaryTool */.bE)(tools_src/* TOOLS */.It[name], { logger });
/** The command line of an engine for a scan, without the executable. */
function engineArguments(engine, run, reportPath) {
    const { mode } = run.settings;
    if (engine === 'gitleaks') {
        const common = ['--report-format', 'json', '--report-path', reportPath, '--exit-code', '0', '--no-banner', '--log-level', 'warn'];
        if (mode === 'files') {
            return ['dir', run.target, ...common];
        }
        if (mode === 'staged') {
            return ['git', run.workspace, '--staged', ...common];
        }
        return ['git', run.workspace, `--log-opts=${run.range ?? 'HEAD'}`, ...common];
    }
    const common = ['--json', '--no-update', '--no-verification'];
    if (mode === 'files') {
        return ['filesystem', run.target, ...common];
    }
    const [base, head] = (run.range ?? 'HEAD').includes('..') ? (run.range ?? '').split('..') : [undefined, run.range];
    return ['git', `file://${run.workspace}`, ...(base ? [`--since-commit=${base}`] : []), ...(head && head !== 'HEAD' ? [`--branch=${head}`] : []), ...common];
}
/**
 * Runs gitleaks or TruffleHog with the settings' timeout and parses its report with the
 * report adapters, so the secrets are redacted exactly as for report files. The raw report
 * is read from a private temporary folder that is deleted afterwards.
 */
async function runExternalEngine(engine, run) {
    const executable = await run.resolveTool(engine, run.logger);
    const folder = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), `devsecops-${engine}-`));
    try {
        const reportPath = external_node_path_default().join(folder, 'report.json');
        const args = engineArguments(engine, run, reportPath);
        const result = await (0,tools_src/* runTool */.qI)({ command: executable, args, cwd: run.workspace, timeoutMs: run.settings.toolTimeoutMs, logger: run.logger, maxOutputBytes: 512 * 1024 * 1024 });
        if (result.timedOut) {
            throw new Error(`${engine} timed out after ${run.settings.toolTimeoutMs / 1000} s; raise secrets.tool-timeout in the config file.`);
        }
        if (result.exitCode !== 0) {
            throw new Error(`${engine} failed with exit code ${result.exitCode ?? result.signal}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
        }
        const text = engine === 'gitleaks' ? await (0,promises_.readFile)(reportPath, 'utf8').catch(() => '') : result.stdout;
        const parsed = parseSecretReport(text, `${engine} output`, run.workspace, run.onSecret);
        return { findings: parsed.findings, warnings: parsed.warnings };
    }
    finally {
        await (0,promises_.rm)(folder, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __webpack_require__(70298);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./packages/secrets/src/scanner.ts











const SECRETS_ENGINES = ['builtin', ...EXTERNAL_ENGINES];
/** Shorter values are not registered for masking: masking them would hide common words in the log. */
const MIN_MASK_LENGTH = 4;
/** Creates the secrets scanner. */
function createSecretsScanner(dependencies = {}) {
    return {
        category: 'secrets',
        engines: [...SECRETS_ENGINES],
        scan: (options) => scanSecrets(options, dependencies)
    };
}
const secretsScanner = createSecretsScanner();
/**
 * Runs the requested engines and reads the report files. Every secret value found is passed
 * to `options.mask` once, and only redacted forms reach the returned findings.
 */
async function scanSecrets(options, dependencies = {}) {
    const settings = resolveSettings(options);
    const engines = options.engines ?? (options.reportFiles && options.reportFiles.length > 0 ? [] : ['builtin']);
    for (const engine of engines) {
        if (!SECRETS_ENGINES.includes(engine)) {
            throw new src/* ConfigurationError */.j1(`engines: "${engine}" is not a secrets engine; expected ${SECRETS_ENGINES.join(', ')}.`);
        }
    }
    const masked = new Set();
    // A multi-line secret (a private key) is masked line by line, because the runner masks
    // text within one line of the log.
    const mask = (secret) => {
        for (const part of secret.split(/\r?\n/)) {
            const value = part.trim();
            if (value.length >= MIN_MASK_LENGTH && !masked.has(value)) {
                masked.add(value);
                options.mask?.(value);
            }
        }
    };
    const result = { findings: [], errors: [], warnings: [], stats: {}, engines: [] };
    // The gitleaks config and the commit range come from the repository and the event: when one
    // is broken, the error is recorded and the rest still runs, report files included.
    let gitleaks;
    try {
        gitleaks = loadGitleaksConfig(options.workspace, settings);
    }
    catch (error) {
        if (!(error instanceof src/* ConfigurationError */.j1)) {
            throw error;
        }
        result.errors.push({ file: settings.gitleaksConfig ?? '.gitleaks.toml', message: `${error.message} The built-in rules ran without it.` });
    }
    let range;
    let rangeFailed = false;
    if (settings.mode === 'history') {
        try {
            range = historyRange(settings, dependencies);
        }
        catch (error) {
            if (!(error instanceof src/* ConfigurationError */.j1)) {
                throw error;
            }
            rangeFailed = true;
            result.errors.push({ file: 'git history', message: error.message });
        }
    }
    for (const engine of engines) {
        if (rangeFailed) {
            break;
        }
        try {
            if (engine === 'builtin') {
                const detector = buildDetector(settings, gitleaks, result.warnings);
                result.stats['rules'] = detector.rules.length;
                // One budget for all rules from config files, so a config of many slow rules is bounded too.
                const budget = new MatchBudget();
                const configRules = detector.rules.filter((rule) => rule.source !== 'builtin');
                for (const rule of configRules) {
                    rule.budget = budget;
                }
                try {
                    await runBuiltin(options, settings, detector, gitleaks, range, result, mask);
                }
                finally {
                    if (budget.exhaustedIn !== undefined) {
                        const owner = configRules.find((rule) => rule.id === budget.exhaustedBy);
                        result.errors.push({
                            file: owner?.source ?? 'secrets rules',
                            message: `rules from config files stopped after ${budget.limitMs / 1000} s of matching in all, while rule "${budget.exhaustedBy}" matched ${budget.exhaustedIn}; none of them ran on the files after it. Simplify the slow rule's regex or give it keywords.`
                        });
                    }
                }
            }
            else {
                const external = await runExternalEngine(engine, {
                    workspace: options.workspace,
                    target: options.target,
                    settings,
                    range,
                    logger: options.logger,
                    resolveTool: dependencies.resolveTool ?? installPinnedTool,
                    onSecret: mask
                });
                result.findings.push(...external.findings);
                result.warnings.push(...external.warnings);
            }
            result.engines.push(engine);
        }
        catch (error) {
            result.errors.push({ file: engine, message: error.message });
        }
    }
    for (const file of options.reportFiles ?? []) {
        const display = (0,src/* toRepoPath */.xD)(options.workspace, file) ?? file;
        try {
            const report = await readSecretReport(file, options.workspace, display, mask);
            result.findings.push(...report.findings);
            result.warnings.push(...report.warnings);
            result.stats['reportFindings'] = (result.stats['reportFindings'] ?? 0) + report.findings.length;
        }
        catch (error) {
            if (!(error instanceof src/* ReportError */.$g)) {
                throw error;
            }
            result.errors.push({ file: error.file, message: error.detail });
        }
    }
    try {
        applyGitleaksIgnore(options.workspace, settings, result.findings);
    }
    catch (error) {
        if (!(error instanceof src/* ConfigurationError */.j1)) {
            throw error;
        }
        result.errors.push({ file: settings.gitleaksIgnore ?? '.gitleaksignore', message: error.message });
    }
    return result;
}
function buildDetector(settings, gitleaks, warnings) {
    let rules = [];
    if (!gitleaks || gitleaks.useDefault) {
        const disabled = new Set(gitleaks?.disabledRules ?? []);
        rules = BUILTIN_COMPILED.filter((rule) => !disabled.has(rule.id));
    }
    if (gitleaks) {
        rules.push(...gitleaks.rules);
        if (gitleaks.pathOnlyRules.length > 0) {
            warnings.push(`${gitleaks.file}: ${gitleaks.pathOnlyRules.length} rule(s) that match only file paths are not run: ${gitleaks.pathOnlyRules.join(', ')}.`);
        }
    }
    rules.push(...settings.customRules);
    const checks = [];
    if (gitleaks && gitleaks.allowlists.length > 0) {
        checks.push(gitleaksGlobalAllow(gitleaks));
    }
    if (settings.allowRegexes.length > 0 || settings.stopwords.length > 0) {
        checks.push((candidate) => {
            const lower = candidate.secret.toLowerCase();
            return settings.stopwords.some((word) => lower.includes(word)) || settings.allowRegexes.some((pattern) => pattern.matcher(candidate.secret).find());
        });
    }
    return new Detector(rules, checks.length === 0 ? undefined : (candidate, rule) => checks.some((check) => check(candidate, rule)));
}
async function runBuiltin(options, settings, detector, gitleaks, range, result, mask) {
    if (settings.mode === 'files') {
        const stats = { files: 0, bytes: 0, skippedBinary: 0, skippedLarge: 0, skippedIgnored: 0 };
        const large = [];
        for (const file of walkFiles({
            workspace: options.workspace,
            target: options.target,
            maxFileBytes: settings.maxFileBytes,
            exclude: settings.exclude,
            skipPath: gitleaks ? (repoPath) => gitleaksSkipsPath(gitleaks, repoPath) : undefined,
            tracked: (0,src/* gitTrackedFiles */.et)(options.workspace),
            onError: (repoPath, message) => result.errors.push({ file: repoPath, message }),
            onLarge: (repoPath) => large.push(repoPath)
        }, stats)) {
            if (options.signal?.aborted) {
                throw new Error('the scan was cancelled');
            }
            const matches = detector.scanBytes(file.content, file.repoPath);
            const secretsNear = snippetSecrets(matches);
            for (const match of matches) {
                mask(match.secret);
                result.findings.push(matchToFinding(match, { path: file.repoPath, fileSecrets: secretsNear(match) }));
            }
            if (stats.files % 200 === 0) {
                options.onProgress?.({ files: stats.files, bytes: stats.bytes, current: file.repoPath });
            }
        }
        options.onProgress?.({ files: stats.files, bytes: stats.bytes });
        Object.assign(result.stats, stats);
        if (large.length > 0) {
            // A secret padded past the limit is not scanned, so the files are named, not only counted.
            const listed = large.slice(0, LARGE_FILES_LISTED).join(', ');
            const more = large.length > LARGE_FILES_LISTED ? ` and ${large.length - LARGE_FILES_LISTED} more` : '';
            result.warnings.push(`${large.length} file(s) over the ${settings.maxFileBytes} byte limit were not scanned: ${listed}${more}. Raise secrets.max-file-size to scan them.`);
        }
        return;
    }
    const args = settings.mode === 'staged' ? gitStagedArguments() : gitLogArguments(range ?? 'HEAD');
    const commits = new Set();
    let files = 0;
    let bytes = 0;
    const excluded = settings.exclude.length > 0 ? ignore_default()().add(settings.exclude) : undefined;
    for await (const added of streamAddedLines(args, options.workspace, options.signal)) {
        if (added.commit) {
            commits.add(added.commit);
        }
        if (excluded?.ignores(added.path) || (gitleaks && gitleaksSkipsPath(gitleaks, added.path))) {
            continue;
        }
        const text = added.lines.join('\n');
        files++;
        bytes += text.length;
        const matches = detector.scanText(text, added.path);
        const secretsNear = snippetSecrets(matches);
        for (const match of matches) {
            if (added.commit && gitleaks?.allowlists.some((list) => list.commits.has(added.commit))) {
                continue;
            }
            mask(match.secret);
            result.findings.push(matchToFinding(match, { path: added.path, fileSecrets: secretsNear(match), commit: added.commit, lineOf: (line) => added.lineNumbers[line - 1] ?? line }));
        }
        if (files % 200 === 0) {
            options.onProgress?.({ files, bytes, current: added.commit ? `${added.commit.slice(0, 12)} ${added.path}` : added.path });
        }
    }
    result.stats['commits'] = commits.size;
    result.stats['files'] = files;
    result.stats['bytes'] = bytes;
}
function historyRange(settings, dependencies) {
    if (settings.base || settings.head) {
        return revisionRange({ base: settings.base, head: settings.head });
    }
    const name = dependencies.event ? dependencies.event.name : process.env['GITHUB_EVENT_NAME'];
    let payload = dependencies.event?.payload;
    if (!dependencies.event && process.env['GITHUB_EVENT_PATH']) {
        try {
            payload = JSON.parse((0,external_node_fs_.readFileSync)(process.env['GITHUB_EVENT_PATH'], 'utf8'));
        }
        catch (error) {
            throw new src/* ConfigurationError */.j1(`GITHUB_EVENT_PATH ${process.env['GITHUB_EVENT_PATH']}: cannot read the event payload: ${error.message}`);
        }
    }
    return revisionRange(rangeFromEvent(name, payload));
}
/** Reads the repository's gitleaks config: the one the section names, else `.gitleaks.toml` when present. */
function loadGitleaksConfig(workspace, settings) {
    const named = settings.gitleaksConfig;
    const text = readWorkspaceFile(workspace, named ?? '.gitleaks.toml', named !== undefined, 'secrets.gitleaks-config');
    return text === undefined ? undefined : parseGitleaksConfig(text, named ?? '.gitleaks.toml');
}
/** Marks findings whose gitleaks fingerprint `.gitleaksignore` lists as suppressed. */
function applyGitleaksIgnore(workspace, settings, findings) {
    const name = settings.gitleaksIgnore ?? '.gitleaksignore';
    const text = readWorkspaceFile(workspace, name, settings.gitleaksIgnore !== undefined, 'secrets.gitleaks-ignore');
    if (text === undefined) {
        return;
    }
    const ignored = parseGitleaksIgnore(text);
    for (const finding of findings) {
        if (!finding.location?.startLine || finding.suppression) {
            continue;
        }
        const commit = typeof finding.properties?.['commit'] === 'string' ? finding.properties['commit'] : undefined;
        const key = gitleaksFingerprint(finding.location.path, finding.rule.id, finding.location.startLine, commit);
        const line = ignored.get(key);
        if (line !== undefined) {
            finding.suppression = { kind: 'config', justification: 'listed in .gitleaksignore', source: `${name}:${line}` };
        }
    }
}
/** Files over the size limit named in the warning; the rest are counted. */
const LARGE_FILES_LISTED = 20;
/** Largest gitleaks config or ignore file read, as for the suite's own config file. */
const MAX_GITLEAKS_FILE_BYTES = 1024 * 1024;
function readWorkspaceFile(workspace, name, required, key) {
    const read = (0,src/* readWorkspaceText */.tA)(workspace, name, MAX_GITLEAKS_FILE_BYTES);
    if (read.content !== undefined) {
        return read.content;
    }
    if (read.problem === 'missing' && !required) {
        return undefined;
    }
    throw new src/* ConfigurationError */.j1(`${key}: "${name}" ${read.problem === 'missing' ? `not found in the workspace ${workspace}` : read.problem}.`);
}

;// CONCATENATED MODULE: ./packages/secrets/src/rule-doc.ts

/** Escapes text for a Markdown table cell. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\n/g, ' ');
}
/** Describes the checks a value must pass besides matching the pattern. */
function gate(rule) {
    const parts = [];
    if (rule.minEntropy !== undefined) {
        parts.push(`entropy >= ${rule.minEntropy}${rule.hexMinEntropy === undefined ? '' : ` (${rule.hexMinEntropy} for hexadecimal values)`}`);
    }
    if (rule.reject !== undefined) {
        parts.push('a check of its own');
    }
    return parts.join(', ');
}
/** Renders docs/secret-rules.md from the built-in rule definitions. */
function renderSecretRulesDoc(rules = BUILTIN_RULES) {
    const lines = [
        '# Built-in secret rules',
        '',
        '<!-- Generated from packages/secrets/src/rules by scripts/rule-docs.mjs; edit the rule definitions instead. -->',
        '',
        `The secrets action and \`devsecops scan --only secrets\` run these ${rules.length} rules by default (engine \`builtin\`).`,
        'Every finding is CWE-798 and shows the secret only in redacted form: at most 4 characters, then `…`.',
        'A rule runs on a file only when one of its keywords occurs in it (one Aho-Corasick pass over the bytes).',
        '',
        'Every rule leaves out values that documentation uses in place of a credential: `EXAMPLE`, runs of `x` or `*`,',
        '`${VAR}`, `{{ var }}`, `<token>`, `%VAR%`, `$VAR`, words such as placeholder, changeme and redacted, and one repeated',
        'character. Tokens (not key blocks) with a run of six characters counting up or down, such as `abcdef`, are left out too.',
        'The generic assignment rules also leave out values that are code: variable and environment references, calls,',
        'file paths, regular expressions, words joined by case or separators, and values named as digests (`hashed_secret`).',
        '',
        'Suppress a finding with `gitleaks:allow` on its line, `devsecops-ignore <rule-id>: <reason>` on its line or the line',
        'above, a `suppressions` entry in `.github/devsecops.yml`, or its fingerprint in `.gitleaksignore`.',
        '',
        '| id | severity | what it finds | keywords | value gate |',
        '| --- | --- | --- | --- | --- |'
    ];
    for (const rule of rules) {
        const keywords = rule.keywords.map((keyword) => `\`${cell(keyword)}\``).join(' ');
        lines.push(`| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title)} | ${keywords} | ${gate(rule)} |`);
    }
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/secrets/src/index.ts



















/***/ })

};
