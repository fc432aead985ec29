import { gzipSync } from 'node:zlib';

import {
  ConfigurationError,
  isSeverity,
  SEVERITIES,
  severityRank,
  type Logger,
  type SarifLog,
  type SarifResult,
  type SarifRun,
  type Severity
} from '@devsecops/core';

import type { GitHubClient } from './client.js';

/** Code scanning processes at most this many results of one SARIF run. */
export const MAX_RESULTS_PER_RUN = 25_000;
/**
 * GitHub documents 10 MB as the largest gzipped SARIF upload; 10,000,000 bytes stays under
 * it whether MB means 10^6 or 2^20 bytes.
 */
export const MAX_SARIF_GZIP_BYTES = 10_000_000;

export interface UploadSarifOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  commitSha: string;
  /** Full ref such as `refs/heads/main` or `refs/pull/7/merge`. */
  ref: string;
  sarif: SarifLog;
  logger: Logger;
  /** Defaults to 25,000; tests pass less. */
  maxResultsPerRun?: number;
  /** Defaults to 10,000,000 bytes; tests pass less. */
  maxGzipBytes?: number;
}

export interface UploadedRun {
  id: string;
  /** `automationDetails.id` of the uploaded run, the code scanning category. */
  category: string;
  tool: string;
  results: number;
  dropped: number;
}

export interface UploadSarifResult {
  ids: string[];
  runs: UploadedRun[];
}

/**
 * Uploads each SARIF run to code scanning as its own upload, gzipped and base64-encoded,
 * so no upload contains two runs of one category (GitHub rejects that). A run without
 * `automationDetails.id` gets `devsecops/<tool>/`, and a run whose category repeats an
 * earlier run's gets a numbered one, because a later upload of the same tool and category
 * replaces the earlier analysis. A run over 25,000 results or 10 MB gzipped loses its
 * lowest-severity results first, and a warning states how many.
 */
export async function uploadSarif(options: UploadSarifOptions): Promise<UploadSarifResult> {
  const { octokit, owner, repo, logger } = options;
  validateTarget(options.commitSha, options.ref);
  const maxResults = options.maxResultsPerRun ?? MAX_RESULTS_PER_RUN;
  const maxGzipBytes = options.maxGzipBytes ?? MAX_SARIF_GZIP_BYTES;

  const runs = assignCategories(options.sarif.runs ?? [], logger);
  const uploaded: UploadedRun[] = [];
  for (const run of runs) {
    const tool = run.tool?.driver?.name ?? 'unknown tool';
    const category = run.automationDetails?.id ?? '';
    const fitted = fitRun({ sarif: options.sarif, run, maxResults, maxGzipBytes, label: `${tool} (${category})`, logger });

    const response = await octokit.rest.codeScanning.uploadSarif({
      owner,
      repo,
      commit_sha: options.commitSha,
      ref: options.ref,
      sarif: fitted.gzipped.toString('base64')
    });
    const id = response.data.id ?? '';
    logger.info(`Uploaded ${fitted.results} results of ${tool} to code scanning, category ${category} (upload ${id})`);
    uploaded.push({ id, category, tool, results: fitted.results, dropped: fitted.dropped });
  }

  return { ids: uploaded.map((run) => run.id), runs: uploaded };
}

/**
 * Reads a SARIF result's severity: our `properties.severity`, else a numeric
 * `security-severity` on the result or its rule (GitHub's bands), else the `level`.
 */
export function resultSeverity(result: SarifResult, run: SarifRun): Severity {
  const own = result.properties?.severity;
  if (typeof own === 'string' && isSeverity(own)) return own;

  const score = Number(result.properties?.['security-severity'] ?? ruleOf(result, run)?.properties?.['security-severity']);
  if (Number.isFinite(score) && score > 0) {
    if (score >= 9) return 'critical';
    if (score >= 7) return 'high';
    if (score >= 4) return 'medium';
    return 'low';
  }

  const level = result.level ?? ruleOf(result, run)?.defaultConfiguration?.level ?? 'warning';
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'medium';
    case 'note':
      return 'low';
    default:
      return 'info';
  }
}

interface FitRunOptions {
  sarif: SarifLog;
  run: SarifRun;
  maxResults: number;
  maxGzipBytes: number;
  label: string;
  logger: Logger;
}

/** Trims one run to the limits and returns the gzipped single-run SARIF log. */
function fitRun(options: FitRunOptions): { gzipped: Buffer; results: number; dropped: number } {
  const { run, maxGzipBytes } = options;
  const all = run.results ?? [];

  // Indexes sorted most severe first, input order within a severity.
  const ranked = all
    .map((result, index) => ({ index, rank: severityRank(resultSeverity(result, run)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);

  let keep = Math.min(all.length, options.maxResults);
  let gzipped = gzipRun(options.sarif, run, selectResults(all, ranked, keep));
  if (gzipped.length > maxGzipBytes) {
    ({ keep, gzipped } = shrinkToSize(options, all, ranked, keep, gzipped.length));
  }

  const dropped = all.length - keep;
  if (dropped > 0) {
    options.logger.warning(
      `Code scanning upload of ${options.label}: dropped ${dropped} of ${all.length} results, lowest severities first ` +
        `(${describeDropped(ranked.slice(keep))}), to stay within ${options.maxResults} results per run ` +
        `and ${maxGzipBytes} bytes gzipped; the SARIF file keeps all of them`
    );
  }
  return { gzipped, results: keep, dropped };
}

/**
 * Finds the largest number of most-severe results whose gzipped run fits: a first guess in
 * proportion to the overshoot, then a binary search between what fits and what does not.
 */
function shrinkToSize(
  options: FitRunOptions,
  all: SarifResult[],
  ranked: Array<{ index: number }>,
  tooMany: number,
  tooManySize: number
): { keep: number; gzipped: Buffer } {
  const attempt = (count: number) => gzipRun(options.sarif, options.run, selectResults(all, ranked, count));

  const empty = attempt(0);
  if (empty.length > options.maxGzipBytes) {
    throw new Error(
      `SARIF run ${options.label} is ${empty.length} bytes gzipped without any results; ` +
        `code scanning accepts at most ${options.maxGzipBytes}`
    );
  }

  let fits = 0;
  let fitting = empty;
  let fails = tooMany;
  let guess = Math.min(tooMany - 1, Math.floor((tooMany * options.maxGzipBytes) / tooManySize));
  while (fails - fits > 1) {
    if (guess <= fits || guess >= fails) guess = Math.floor((fits + fails) / 2);
    const gzipped = attempt(guess);
    if (gzipped.length <= options.maxGzipBytes) {
      fits = guess;
      fitting = gzipped;
    } else {
      fails = guess;
    }
    guess = Math.floor((fits + fails) / 2);
  }
  return { keep: fits, gzipped: fitting };
}

function selectResults(all: SarifResult[], ranked: Array<{ index: number }>, keep: number): SarifResult[] {
  const kept = ranked
    .slice(0, keep)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
  return kept.map((index) => all[index]!);
}

function gzipRun(sarif: SarifLog, run: SarifRun, results: SarifResult[]): Buffer {
  const log: SarifLog = {
    $schema: sarif.$schema ?? 'https://json.schemastore.org/sarif-2.1.0.json',
    version: sarif.version ?? '2.1.0',
    runs: [{ ...run, results }]
  };
  return gzipSync(JSON.stringify(log));
}

function describeDropped(dropped: Array<{ rank: number }>): string {
  const counts = new Map<Severity, number>();
  for (const entry of dropped) {
    const severity = SEVERITIES[entry.rank]!;
    counts.set(severity, (counts.get(severity) ?? 0) + 1);
  }
  return SEVERITIES.filter((severity) => counts.has(severity))
    .map((severity) => `${counts.get(severity)} ${severity}`)
    .join(', ');
}

/** Returns copies of the runs, each with a category no earlier run of the same tool has. */
function assignCategories(runs: SarifRun[], logger: Logger): SarifRun[] {
  const seen = new Set<string>();
  return runs.map((run) => {
    const tool = run.tool?.driver?.name ?? 'unknown tool';
    const base = run.automationDetails?.id || `devsecops/${slug(tool)}/`;
    let category = base;
    for (let suffix = 2; seen.has(`${tool}\n${category}`); suffix += 1) {
      category = `${base.replace(/\/$/, '')}-${suffix}/`;
    }
    if (category !== base) {
      logger.warning(`SARIF run of ${tool} repeats category ${base}; uploading it as ${category}`);
    }
    seen.add(`${tool}\n${category}`);
    return { ...run, automationDetails: { ...run.automationDetails, id: category } };
  });
}

function ruleOf(result: SarifResult, run: SarifRun) {
  const rules = run.tool?.driver?.rules;
  if (!rules) return undefined;
  const index = result.ruleIndex ?? result.rule?.index;
  if (index !== undefined && index >= 0 && index < rules.length) return rules[index];
  const id = result.ruleId ?? result.rule?.id;
  return id === undefined ? undefined : rules.find((rule) => rule.id === id);
}

function validateTarget(commitSha: string, ref: string): void {
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(commitSha)) {
    throw new ConfigurationError(`Code scanning commit SHA "${commitSha}" is invalid; expected 40 or 64 hexadecimal digits`);
  }
  if (!/^refs\/(heads|tags|pull)\/.+$/.test(ref)) {
    throw new ConfigurationError(`Code scanning ref "${ref}" is invalid; expected refs/heads/…, refs/tags/… or refs/pull/…`);
  }
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'tool';
}
