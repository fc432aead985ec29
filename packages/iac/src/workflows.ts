import type { PolicyDefinition, Violation } from './policy.js';
import { child, type YamlNode } from './yaml-tree.js';

/** A GitHub Actions workflow (`.github/workflows/*.yml`) or action metadata file (`action.yml`). */
export interface WorkflowFile {
  path: string;
  kind: 'workflow' | 'action';
  root: YamlNode;
}

export interface WorkflowPolicy extends PolicyDefinition {
  check(file: WorkflowFile): Violation[];
}

interface Step {
  node: YamlNode;
  uses?: YamlNode;
  run?: YamlNode;
}

interface Job {
  id: string;
  node: YamlNode;
  steps: Step[];
}

const FULL_SHA = /^[0-9a-f]{40}$/;
/** Owners whose actions GitHub maintains; pinning them by tag is common and lower risk. */
const FIRST_PARTY_OWNERS = ['actions', 'github'];

/**
 * Contexts an outside contributor controls, which must not be expanded inside a `run:`
 * script: titles, bodies, branch names, commit messages, author names and emails.
 */
const UNTRUSTED_CONTEXT = /\$\{\{[^}]*\bgithub\.(event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|pages\.[^}]*\.page_name|commits[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title))|head_ref)\b[^}]*\}\}/;

function jobs(file: WorkflowFile): Job[] {
  if (file.kind === 'action') {
    const steps = child(file.root, 'runs', 'steps')?.items ?? [];
    return [{ id: 'action', node: file.root, steps: steps.map(toStep) }];
  }
  return [...(child(file.root, 'jobs')?.map ?? new Map<string, YamlNode>()).entries()].map(([id, node]) => ({ id, node, steps: (child(node, 'steps')?.items ?? []).map(toStep) }));
}

function toStep(node: YamlNode): Step {
  return { node, uses: child(node, 'uses'), run: child(node, 'run') };
}

function at(file: WorkflowFile, node: YamlNode, message: string): Violation {
  return { path: file.path, line: node.line, column: node.column, message };
}

function definition(id: string, title: string, severity: PolicyDefinition['severity'], cwes: string[], description: string, remediation: string, themes: PolicyDefinition['themes']): PolicyDefinition {
  return { id, platform: 'github-actions', title, severity, cwes, description, remediation, themes };
}

/** Returns the event names a workflow runs on. */
function triggers(file: WorkflowFile): string[] {
  const on = child(file.root, 'on') ?? child(file.root, 'true');
  if (!on) {
    return [];
  }
  if (typeof on.value === 'string') {
    return [on.value];
  }
  if (on.items) {
    return on.items.map((item) => String(item.value));
  }
  return [...(on.map?.keys() ?? [])];
}

function isThirdParty(uses: string): boolean {
  return !uses.startsWith('./') && !uses.startsWith('docker://') && !FIRST_PARTY_OWNERS.includes(uses.split('/')[0]!.toLowerCase());
}

export const WORKFLOW_POLICIES: WorkflowPolicy[] = [
  {
    ...definition('DSO-GHA-001', 'Third-party action not pinned to a commit SHA', 'high', ['CWE-829'], 'A step or job uses a third-party action or reusable workflow by tag or branch; whoever controls the repository can move the tag to other code.', 'Pin to the full 40-character commit SHA and keep the version in a comment (`uses: owner/repo@<sha> # v1.2.3`); Dependabot updates such pins.', ['software-integrity']),
    check(file) {
      const uses = [...jobs(file).flatMap((job) => job.steps.map((step) => step.uses)), ...jobs(file).map((job) => child(job.node, 'uses'))];
      return uses.flatMap((node) => {
        const value = typeof node?.value === 'string' ? node.value : undefined;
        if (!node || !value || !isThirdParty(value)) {
          return [];
        }
        const ref = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : '';
        return FULL_SHA.test(ref) ? [] : [at(file, node, `"${value}" is not pinned to a full commit SHA.`)];
      });
    }
  },
  {
    ...definition('DSO-GHA-002', 'Workflow permissions missing or write-all', 'medium', ['CWE-732'], 'A workflow sets no top-level `permissions` and some job sets none either, so the GITHUB_TOKEN gets the repository default, which may be read-write; or it sets `write-all`.', 'Set `permissions: contents: read` at the top and grant more per job where needed.', ['least-privilege']),
    check(file) {
      if (file.kind !== 'workflow') {
        return [];
      }
      const violations: Violation[] = [];
      const top = child(file.root, 'permissions');
      const all = [top, ...jobs(file).map((job) => child(job.node, 'permissions'))];
      for (const node of all) {
        if (node?.value === 'write-all') {
          violations.push(at(file, node, 'permissions is write-all.'));
        }
      }
      if (!top) {
        const unset = jobs(file).filter((job) => !child(job.node, 'permissions') && !child(job.node, 'uses'));
        if (unset.length > 0) {
          const on = child(file.root, 'on') ?? file.root;
          violations.push(at(file, on, `No top-level permissions, and job(s) ${unset.map((job) => job.id).join(', ')} set none.`));
        }
      }
      return violations;
    }
  },
  {
    ...definition('DSO-GHA-003', 'Untrusted input expanded in a run script', 'critical', ['CWE-78'], 'A `run:` script expands a `${{ github.event... }}` context that outside contributors control (titles, bodies, branch names, commit messages), so crafted text runs as shell commands.', 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use "$TITLE" in the script.', ['secure-development']),
    check(file) {
      return jobs(file).flatMap((job) =>
        job.steps.flatMap((step) => {
          const script = step.run?.value;
          return typeof script === 'string' && UNTRUSTED_CONTEXT.test(script) ? [at(file, step.run!, `The run script expands ${UNTRUSTED_CONTEXT.exec(script)![0]}.`)] : [];
        })
      );
    }
  },
  {
    ...definition('DSO-GHA-004', 'Privileged trigger checks out pull request code', 'critical', ['CWE-829'], 'A workflow triggered by pull_request_target or workflow_run checks out the head of the pull request, then runs it with a token and secrets of the base repository.', 'Use the pull_request event for untrusted code, or check out only the base and treat the artifact of the pull request as data.', ['secure-development']),
    check(file) {
      const privileged = triggers(file).some((event) => event === 'pull_request_target' || event === 'workflow_run');
      if (file.kind !== 'workflow' || !privileged) {
        return [];
      }
      return jobs(file).flatMap((job) =>
        job.steps.flatMap((step) => {
          const uses = typeof step.uses?.value === 'string' ? step.uses.value : '';
          const ref = child(step.node, 'with', 'ref');
          const refText = typeof ref?.value === 'string' ? ref.value : '';
          return uses.startsWith('actions/checkout@') && /github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))|github\.head_ref|refs\/pull\//.test(refText) ? [at(file, ref!, 'The job checks out pull request code under a privileged trigger.')] : [];
        })
      );
    }
  },
  {
    ...definition('DSO-GHA-005', 'Secrets inherited by a third-party reusable workflow', 'high', ['CWE-200'], 'A job calls a reusable workflow from another repository with `secrets: inherit`, handing it every secret of the caller.', 'Pass only the secrets the workflow needs, by name under `secrets:`.', ['credentials']),
    check(file) {
      return jobs(file).flatMap((job) => {
        const uses = child(job.node, 'uses');
        const secrets = child(job.node, 'secrets');
        return typeof uses?.value === 'string' && !uses.value.startsWith('./') && secrets?.value === 'inherit' ? [at(file, secrets, `Job ${job.id} passes every secret to ${uses.value}.`)] : [];
      });
    }
  },
  {
    ...definition('DSO-GHA-006', 'Checkout credentials persisted in a job that uploads artifacts', 'medium', ['CWE-522'], 'actions/checkout keeps the token in .git/config unless `persist-credentials: false`; a later upload-artifact of the workspace can publish it.', 'Set `persist-credentials: false` on actions/checkout.', ['credentials']),
    check(file) {
      return jobs(file).flatMap((job) => {
        const uploads = job.steps.some((step) => typeof step.uses?.value === 'string' && step.uses.value.startsWith('actions/upload-artifact@'));
        if (!uploads) {
          return [];
        }
        return job.steps.flatMap((step) => {
          const uses = typeof step.uses?.value === 'string' ? step.uses.value : '';
          const persist = child(step.node, 'with', 'persist-credentials');
          return uses.startsWith('actions/checkout@') && persist?.value !== false && persist?.value !== 'false' ? [at(file, step.uses!, `Job ${job.id} keeps checkout credentials and uploads artifacts.`)] : [];
        });
      });
    }
  }
];
