import type { Category } from './finding.js';

/**
 * Category of the tools this suite knows by name. A driver name matches when it equals a
 * key or contains it as a whole word ("OWASP ZAP" matches `zap`), without case. Every
 * other tool is `sast`, the category of most SARIF producers.
 */
export const TOOL_CATEGORIES: Readonly<Record<string, Category>> = {
  gitleaks: 'secrets',
  trufflehog: 'secrets',
  trufflehog3: 'secrets',
  'detect-secrets': 'secrets',
  ggshield: 'secrets',
  trivy: 'container',
  grype: 'container',
  dockle: 'container',
  anchore: 'container',
  checkov: 'iac',
  tfsec: 'iac',
  kics: 'iac',
  terrascan: 'iac',
  hadolint: 'iac',
  zap: 'dast',
  nuclei: 'dast'
};

export const CATEGORIES: readonly Category[] = ['sast', 'dast', 'container', 'iac', 'secrets', 'compliance', 'other'];

export function categoryForTool(toolName: string): Category {
  const name = toolName.trim().toLowerCase();
  if (Object.hasOwn(TOOL_CATEGORIES, name)) {
    return TOOL_CATEGORIES[name] as Category;
  }
  for (const word of name.split(/[^a-z0-9-]+/)) {
    if (Object.hasOwn(TOOL_CATEGORIES, word)) {
      return TOOL_CATEGORIES[word] as Category;
    }
  }
  return 'sast';
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
