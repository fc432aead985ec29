import type { Severity } from '@devsecops/core';

/** One rule the bundled engine can run, and whether it runs by default. */
export interface BundledRule {
  /** ESLint rule id with the plugin prefix the engine registers, such as `security/detect-child-process`. */
  id: string;
  severity: Severity;
  /** False for rules left out of the default set because they mostly fire on safe code. */
  enabled: boolean;
  /** Options passed to the rule, when it takes any. */
  options?: unknown[];
}

/**
 * Every rule the bundled engine knows. `enabled` and `severity` were chosen by measured
 * precision (`npm run bench:sast`: DVNA against express 5.3.0 and its direct dependencies);
 * docs/sast-rules.md records the figures. In short: `security/detect-object-injection` is left
 * out (232 findings, none real), and the rules that fired only on the clean code are `low`, so
 * they show in the report without failing a build at the usual `fail-on: high`. Rules that
 * found nothing on either side keep the severity of the weakness they look for.
 */
export const BUNDLED_RULES: readonly BundledRule[] = [
  { id: 'no-eval', severity: 'high', enabled: true },
  { id: 'no-implied-eval', severity: 'high', enabled: true },
  { id: 'no-new-func', severity: 'low', enabled: true },

  { id: 'security/detect-bidi-characters', severity: 'high', enabled: true },
  { id: 'security/detect-buffer-noassert', severity: 'medium', enabled: true },
  { id: 'security/detect-child-process', severity: 'high', enabled: true },
  { id: 'security/detect-disable-mustache-escape', severity: 'high', enabled: true },
  { id: 'security/detect-eval-with-expression', severity: 'high', enabled: true },
  { id: 'security/detect-invisible-characters', severity: 'low', enabled: true },
  { id: 'security/detect-new-buffer', severity: 'medium', enabled: true },
  { id: 'security/detect-no-csrf-before-method-override', severity: 'medium', enabled: true },
  { id: 'security/detect-non-literal-fs-filename', severity: 'low', enabled: true },
  { id: 'security/detect-non-literal-regexp', severity: 'low', enabled: true },
  { id: 'security/detect-non-literal-require', severity: 'low', enabled: true },
  { id: 'security/detect-object-injection', severity: 'low', enabled: false },
  { id: 'security/detect-possible-timing-attacks', severity: 'low', enabled: true },
  { id: 'security/detect-pseudoRandomBytes', severity: 'medium', enabled: true },
  { id: 'security/detect-unsafe-regex', severity: 'low', enabled: true },

  { id: '@microsoft/sdl/no-angular-bypass-sanitizer', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-angular-sanitization-trusted-urls', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-angularjs-bypass-sce', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-angularjs-enable-svg', severity: 'medium', enabled: true },
  { id: '@microsoft/sdl/no-angularjs-sanitization-whitelist', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-cookies', severity: 'low', enabled: true },
  { id: '@microsoft/sdl/no-document-domain', severity: 'medium', enabled: true },
  { id: '@microsoft/sdl/no-document-write', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-electron-node-integration', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-html-method', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-inner-html', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-insecure-random', severity: 'medium', enabled: true },
  { id: '@microsoft/sdl/no-insecure-url', severity: 'low', enabled: true },
  { id: '@microsoft/sdl/no-msapp-exec-unsafe', severity: 'high', enabled: true },
  { id: '@microsoft/sdl/no-postmessage-star-origin', severity: 'medium', enabled: true },
  { id: '@microsoft/sdl/no-unsafe-alloc', severity: 'medium', enabled: true },
  { id: '@microsoft/sdl/no-winjs-html-unsafe', severity: 'high', enabled: true },

  { id: 'no-unsanitized/method', severity: 'high', enabled: true },
  { id: 'no-unsanitized/property', severity: 'high', enabled: true }
];

/** The rules that run by default. */
export const DEFAULT_RULES: readonly BundledRule[] = BUNDLED_RULES.filter((rule) => rule.enabled);
