import { DOCKERFILE_POLICIES } from './dockerfile.js';
import { KUBERNETES_POLICIES } from './kubernetes.js';
import type { PolicyDefinition } from './policy.js';
import { ALL_TERRAFORM_POLICIES } from './terraform/index.js';
import { WORKFLOW_POLICIES } from './workflows.js';

/** Every built-in policy, in documentation order: Terraform, Kubernetes, Dockerfile, GitHub Actions. */
export const ALL_POLICIES: readonly PolicyDefinition[] = [...ALL_TERRAFORM_POLICIES, ...KUBERNETES_POLICIES, ...DOCKERFILE_POLICIES, ...WORKFLOW_POLICIES];

export function findPolicy(id: string): PolicyDefinition | undefined {
  return ALL_POLICIES.find((policy) => policy.id === id);
}
