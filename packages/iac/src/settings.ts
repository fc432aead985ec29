import { Ajv } from 'ajv';

import { ConfigurationError, type ScannerOptions } from '@devsecops/core';

import schema from '../../../schema/devsecops.schema.json' with { type: 'json' };
import { PLATFORMS, type Platform } from './policy.js';

export const IAC_ENGINES = ['builtin', 'checkov', 'tfsec', 'trivy', 'kics'] as const;
export type IacEngine = (typeof IAC_ENGINES)[number];

export const DEFAULT_TIMEOUT_MINUTES = 20;

/** The `iac` section of `.github/devsecops.yml`, as the schema defines it. */
interface IacSection {
  frameworks?: Platform[];
  engines?: IacEngine[];
  exclude?: string[];
  'skip-policies'?: string[];
  'timeout-minutes'?: number;
}

export interface IacSettings {
  /** Frameworks to check; undefined means every kind of file found. */
  frameworks?: Platform[];
  engines: IacEngine[];
  exclude: string[];
  skipPolicies: string[];
  timeoutMs: number;
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validateSection = ajv.compile((schema as { properties: { iac: object } }).properties.iac);

/**
 * Validates the `iac` section and merges it with the action inputs or command-line options,
 * which take precedence. Throws a ConfigurationError naming the key and the expected value.
 */
export function resolveIacSettings(options: Pick<ScannerOptions, 'config' | 'settings' | 'engines'>): IacSettings {
  const file = options.config.file ?? '.github/devsecops.yml';
  const raw = options.config.sections['iac'] ?? {};
  if (!validateSection(raw)) {
    const problems = (validateSection.errors ?? []).map(
      (error) => `iac${error.instancePath.replace(/\//g, '.')} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''}`
    );
    throw new ConfigurationError(`${file}: invalid iac section: ${problems.join('; ')}`);
  }
  const section = raw as IacSection;
  const frameworksInput = options.settings['frameworks'];
  const frameworks = frameworksInput ? parseList(frameworksInput) : section.frameworks;
  return {
    frameworks: frameworks === undefined || frameworks.includes('all') ? undefined : frameworks.map(checkFramework),
    engines: options.engines ? options.engines.map(checkEngine) : (section.engines ?? ['builtin']),
    exclude: section.exclude ?? [],
    skipPolicies: section['skip-policies'] ?? [],
    timeoutMs: (section['timeout-minutes'] ?? DEFAULT_TIMEOUT_MINUTES) * 60_000
  };
}

function parseList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function checkFramework(name: string): Platform {
  if (!(PLATFORMS as readonly string[]).includes(name)) {
    throw new ConfigurationError(`frameworks: "${name}" is not a framework; expected one or more of ${PLATFORMS.join(', ')}`);
  }
  return name as Platform;
}

function checkEngine(name: string): IacEngine {
  if (!(IAC_ENGINES as readonly string[]).includes(name)) {
    throw new ConfigurationError(`engines: "${name}" is not an IaC engine; expected one or more of ${IAC_ENGINES.join(', ')}`);
  }
  return name as IacEngine;
}
