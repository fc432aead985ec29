import { AWS_POLICIES } from './aws.js';
import { AZURE_POLICIES, GCP_POLICIES } from './azure-gcp.js';
import type { TerraformPolicy } from './policy-helpers.js';

export const ALL_TERRAFORM_POLICIES: TerraformPolicy[] = [...AWS_POLICIES, ...AZURE_POLICIES, ...GCP_POLICIES];
