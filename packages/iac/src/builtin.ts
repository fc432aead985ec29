import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import picomatch from 'picomatch';

import { toRepoPath, type Finding, type Logger } from '@devsecops/core';

import { DOCKERFILE_POLICIES, parseDockerfile } from './dockerfile.js';
import { HclSyntaxError, parseHcl, type HclFile } from './hcl.js';
import { KUBERNETES_POLICIES, toKubernetesObject, type KubernetesObject } from './kubernetes.js';
import { applyNativeSuppressions } from './native-suppressions.js';
import { toFinding, type Platform, type PolicyDefinition, type Violation } from './policy.js';
import { ALL_TERRAFORM_POLICIES } from './terraform/index.js';
import { TerraformModule } from './terraform/module.js';
import { WORKFLOW_POLICIES, type WorkflowFile } from './workflows.js';
import { parseYamlDocuments, YamlSyntaxError } from './yaml-tree.js';

/** Folders never walked: version control, dependencies and Terraform's provider cache. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', 'vendor']);
/** Larger files are skipped with a notice; real IaC files are far smaller. */
export const MAX_IAC_FILE_BYTES = 2 * 1024 * 1024;

export interface IacFile {
  /** Repository-relative path. */
  path: string;
  absolute: string;
  platform: Platform | 'yaml';
}

/** A file that could not be parsed: reported once, and the scan goes on. */
export interface ParseNotice {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface BuiltinOptions {
  workspace: string;
  target: string;
  frameworks?: Platform[];
  exclude?: string[];
  skipPolicies?: string[];
  logger: Logger;
  onFile?: (file: IacFile, bytes: number) => void;
}

export interface BuiltinResult {
  findings: Finding[];
  notices: ParseNotice[];
  /** Files read, by platform. */
  files: Record<Platform, number>;
  bytes: number;
}

/** Returns the IaC platform a file name belongs to, or `yaml` for YAML that may hold Kubernetes objects. */
export function classifyFile(repoPath: string): IacFile['platform'] | undefined {
  const name = path.posix.basename(repoPath);
  const lower = name.toLowerCase();
  if (lower.endsWith('.tf')) {
    return 'terraform';
  }
  if (lower === 'dockerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower === 'containerfile') {
    return 'dockerfile';
  }
  if (!lower.endsWith('.yml') && !lower.endsWith('.yaml')) {
    return undefined;
  }
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(repoPath) || lower === 'action.yml' || lower === 'action.yaml') {
    return 'github-actions';
  }
  return 'yaml';
}

/** Lists the IaC files under `target`, in path order, without following symbolic links. */
export function discoverFiles(workspace: string, target: string, exclude: string[] = []): IacFile[] {
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : undefined;
  const files: IacFile[] = [];
  const visit = (absolute: string): void => {
    const stats = lstatSync(absolute);
    const repoPath = toRepoPath(workspace, absolute) ?? path.basename(absolute);
    if (excluded?.(repoPath)) {
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) {
        if (!SKIPPED_DIRECTORIES.has(entry)) {
          visit(path.join(absolute, entry));
        }
      }
    } else if (stats.isFile()) {
      const platform = classifyFile(repoPath);
      if (platform) {
        files.push({ path: repoPath, absolute, platform });
      }
    }
  };
  visit(target);
  return files;
}

/**
 * Runs the built-in policies on every IaC file under the target. Terraform files are grouped
 * by folder, because a module's variables, locals and resources span its files.
 */
export function runBuiltinPolicies(options: BuiltinOptions): BuiltinResult {
  const wanted = (platform: Platform) => options.frameworks === undefined || options.frameworks.includes(platform);
  const skip = new Set(options.skipPolicies ?? []);
  const notices: ParseNotice[] = [];
  const findings: Finding[] = [];
  const files: Record<Platform, number> = { terraform: 0, kubernetes: 0, dockerfile: 0, 'github-actions': 0 };
  const sources = new Map<string, string[]>();
  let bytes = 0;

  const modules = new Map<string, Array<{ path: string; file: HclFile }>>();
  const kubernetesObjects: KubernetesObject[] = [];

  for (const file of discoverFiles(options.workspace, options.target, options.exclude)) {
    if (file.platform !== 'yaml' && !wanted(file.platform)) {
      continue;
    }
    if (file.platform === 'yaml' && !wanted('kubernetes')) {
      continue;
    }
    const text = readText(file, notices);
    if (text === undefined) {
      continue;
    }
    bytes += text.length;
    options.onFile?.(file, text.length);
    sources.set(file.path, text.split(/\r?\n/));

    switch (file.platform) {
      case 'terraform': {
        const parsed = parseOrNotice(file, notices, 'HCL', () => parseHcl(text));
        if (parsed) {
          files.terraform += 1;
          const folder = path.posix.dirname(file.path);
          modules.set(folder, [...(modules.get(folder) ?? []), { path: file.path, file: parsed }]);
        }
        break;
      }
      case 'dockerfile':
        files.dockerfile += 1;
        findings.push(...run(DOCKERFILE_POLICIES, skip, (policy) => policy.check(parseDockerfile(file.path, text))));
        break;
      case 'github-actions': {
        const documents = parseOrNotice(file, notices, 'YAML', () => parseYamlDocuments(text));
        const root = documents?.[0]?.root;
        if (root?.map) {
          files['github-actions'] += 1;
          const workflow: WorkflowFile = { path: file.path, kind: /action\.ya?ml$/i.test(file.path) ? 'action' : 'workflow', root };
          findings.push(...run(WORKFLOW_POLICIES, skip, (policy) => policy.check(workflow)));
        }
        break;
      }
      case 'yaml': {
        if (!/^\s*(apiVersion|kind)\s*:/m.test(text)) {
          continue;
        }
        const documents = parseOrNotice(file, notices, 'YAML', () => parseYamlDocuments(text));
        const objects = (documents ?? []).map((document) => toKubernetesObject(file.path, document)).filter((object): object is KubernetesObject => object !== undefined);
        if (objects.length > 0) {
          files.kubernetes += 1;
          kubernetesObjects.push(...objects);
        }
        break;
      }
    }
  }

  for (const moduleFiles of modules.values()) {
    const module = new TerraformModule(moduleFiles);
    findings.push(...run(ALL_TERRAFORM_POLICIES, skip, (policy) => policy.check(module)));
  }
  findings.push(...run(KUBERNETES_POLICIES, skip, (policy) => policy.check(kubernetesObjects)));

  const suppressed = applySuppressionsByFile(findings, sources);
  for (const notice of notices) {
    options.logger.warning(`${notice.path}:${notice.line}:${notice.column}: ${notice.message}; the file was skipped`);
  }
  return { findings: suppressed, notices, files, bytes };
}

function run<P extends PolicyDefinition>(policies: P[], skip: Set<string>, check: (policy: P) => Violation[]): Finding[] {
  return policies.filter((policy) => !skip.has(policy.id)).flatMap((policy) => check(policy).map((violation) => toFinding(policy, violation)));
}

function applySuppressionsByFile(findings: Finding[], sources: Map<string, string[]>): Finding[] {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.location!.path;
    byPath.set(key, [...(byPath.get(key) ?? []), finding]);
  }
  return [...byPath.entries()].flatMap(([repoPath, group]) => applyNativeSuppressions(group, repoPath, sources.get(repoPath) ?? []));
}

function readText(file: IacFile, notices: ParseNotice[]): string | undefined {
  const size = lstatSync(file.absolute).size;
  if (size > MAX_IAC_FILE_BYTES) {
    notices.push({ path: file.path, line: 1, column: 1, message: `file is ${size} bytes, larger than the ${MAX_IAC_FILE_BYTES}-byte limit for IaC files` });
    return undefined;
  }
  return readFileSync(file.absolute, 'utf8');
}

function parseOrNotice<T>(file: IacFile, notices: ParseNotice[], parser: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof HclSyntaxError || error instanceof YamlSyntaxError) {
      notices.push({ path: file.path, line: error.line, column: error.column, message: `${parser} parse error: ${error.message}` });
      return undefined;
    }
    throw error;
  }
}
