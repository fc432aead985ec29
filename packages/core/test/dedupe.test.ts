import { deduplicate } from '../src/dedupe.js';
import type { Finding, SourceLocation } from '../src/finding.js';

let counter = 0;

/** Builds a SAST finding; every call gets its own fingerprint `fp-N`. */
function finding(overrides: Partial<Finding> = {}): Finding {
  counter += 1;
  return {
    tools: ['CodeQL'],
    category: 'sast',
    rule: { id: 'js/xss' },
    severity: 'medium',
    message: `message ${counter}`,
    location: { path: 'src/app.js', startLine: 10 },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: `fp-${counter}`,
    controls: [],
    ...overrides
  };
}

function at(path: string, startLine?: number, endLine?: number): SourceLocation {
  return { path, startLine, endLine };
}

/** Shows each output finding as `tools|rule|path:line|severity|fingerprint` for table checks. */
function summarize(findings: Finding[]): string[] {
  return findings.map((item) => {
    const place = item.location ? `${item.location.path}:${item.location.startLine ?? '-'}` : (item.url ?? '-');
    return `${item.tools.join('+')}|${item.rule.id}|${place}|${item.severity}|${item.fingerprint}`;
  });
}

beforeEach(() => {
  counter = 0;
});

describe('deduplicate: which findings merge', () => {
  const cases: Array<[string, () => Finding[], string[]]> = [
    [
      'two tools, same line, shared CWE',
      () => [
        finding({ tools: ['Semgrep'], rule: { id: 'javascript.express.xss' }, cwes: ['CWE-79'], severity: 'high' }),
        finding({ tools: ['CodeQL'], rule: { id: 'js/reflected-xss' }, cwes: ['CWE-79'] })
      ],
      ['CodeQL+Semgrep|js/reflected-xss|src/app.js:10|high|fp-2']
    ],
    [
      'two different CWEs at one line stay two findings',
      () => [
        finding({ tools: ['CodeQL'], rule: { id: 'js/xss' }, cwes: ['CWE-79'] }),
        finding({ tools: ['Semgrep'], rule: { id: 'js.sqli' }, cwes: ['CWE-89'] })
      ],
      ['CodeQL|js/xss|src/app.js:10|medium|fp-1', 'Semgrep|js.sqli|src/app.js:10|medium|fp-2']
    ],
    [
      'two secrets of one rule on one line stay two findings',
      () => [
        finding({ tools: ['devsecops-secrets'], category: 'secrets', rule: { id: 'aws-access-key-id' }, partialFingerprints: { 'devsecops/v1': 'a1' } }),
        finding({ tools: ['devsecops-secrets'], category: 'secrets', rule: { id: 'aws-access-key-id' }, partialFingerprints: { 'devsecops/v1': 'b2' } }),
        finding({ tools: ['gitleaks'], category: 'secrets', rule: { id: 'aws-access-key-id' }, partialFingerprints: { 'devsecops/v1': 'a1' } })
      ],
      ['devsecops-secrets+gitleaks|aws-access-key-id|src/app.js:10|medium|fp-1', 'devsecops-secrets|aws-access-key-id|src/app.js:10|medium|fp-2']
    ],
    [
      'same tool, same rule, same line collapses',
      () => [finding({ severity: 'low' }), finding({ severity: 'medium' })],
      ['CodeQL|js/xss|src/app.js:10|medium|fp-1']
    ],
    [
      'same rule id from two tools without CWE ids',
      () => [finding({ tools: ['Trivy'], rule: { id: 'DS002' } }), finding({ tools: ['Checkov'], rule: { id: 'DS002' } })],
      ['Checkov+Trivy|DS002|src/app.js:10|medium|fp-2']
    ],
    [
      'overlapping ranges with different start lines',
      () => [
        finding({ tools: ['CodeQL'], cwes: ['CWE-79'], location: at('src/app.js', 8, 12) }),
        finding({ tools: ['Semgrep'], rule: { id: 'xss' }, cwes: ['CWE-79'], location: at('src/app.js', 11) })
      ],
      ['CodeQL+Semgrep|js/xss|src/app.js:8|medium|fp-1']
    ],
    [
      'ranges that touch at one line',
      () => [
        finding({ tools: ['Semgrep'], location: at('src/app.js', 11, 14) }),
        finding({ tools: ['CodeQL'], location: at('src/app.js', 8, 11) })
      ],
      ['CodeQL+Semgrep|js/xss|src/app.js:8|medium|fp-2']
    ],
    [
      'adjacent ranges stay apart',
      () => [finding({ location: at('src/app.js', 8, 10) }), finding({ location: at('src/app.js', 11, 12) })],
      ['CodeQL|js/xss|src/app.js:8|medium|fp-1', 'CodeQL|js/xss|src/app.js:11|medium|fp-2']
    ],
    [
      'same rule in two files stays apart',
      () => [finding({ location: at('src/b.js', 10) }), finding({ location: at('src/a.js', 10) })],
      ['CodeQL|js/xss|src/a.js:10|medium|fp-2', 'CodeQL|js/xss|src/b.js:10|medium|fp-1']
    ],
    [
      'CWE ids compare without case',
      () => [
        finding({ tools: ['Bandit'], rule: { id: 'B608' }, cwes: ['cwe-89'] }),
        finding({ tools: ['Semgrep'], rule: { id: 'sqli' }, cwes: ['CWE-89'] })
      ],
      ['Bandit+Semgrep|B608|src/app.js:10|medium|fp-1']
    ],
    [
      'a chain of shared CWEs joins three findings',
      () => [
        finding({ tools: ['A'], rule: { id: 'a' }, cwes: ['CWE-79'] }),
        finding({ tools: ['B'], rule: { id: 'b' }, cwes: ['CWE-79', 'CWE-80'] }),
        finding({ tools: ['C'], rule: { id: 'c' }, cwes: ['CWE-80'] })
      ],
      ['A+B+C|a|src/app.js:10|medium|fp-1']
    ],
    [
      'DAST findings at one URL with a shared CWE',
      () => [
        finding({ tools: ['ZAP'], category: 'dast', rule: { id: '40012' }, cwes: ['CWE-79'], location: undefined, url: 'https://shop.test/search' }),
        finding({ tools: ['Nuclei'], category: 'dast', rule: { id: 'xss-reflected' }, cwes: ['CWE-79'], location: undefined, url: 'https://shop.test/search' })
      ],
      ['Nuclei+ZAP|xss-reflected|https://shop.test/search|medium|fp-2']
    ],
    [
      'DAST findings at two URLs stay apart',
      () => [
        finding({ tools: ['ZAP'], category: 'dast', rule: { id: '40012' }, location: undefined, url: 'https://shop.test/a' }),
        finding({ tools: ['ZAP'], category: 'dast', rule: { id: '40012' }, location: undefined, url: 'https://shop.test/b' })
      ],
      ['ZAP|40012|https://shop.test/a|medium|fp-1', 'ZAP|40012|https://shop.test/b|medium|fp-2']
    ],
    [
      'a file finding and a DAST finding never merge',
      () => [
        finding({ cwes: ['CWE-79'] }),
        finding({ tools: ['ZAP'], rule: { id: '40012' }, cwes: ['CWE-79'], location: undefined, url: 'https://shop.test/' })
      ],
      ['CodeQL|js/xss|src/app.js:10|medium|fp-1', 'ZAP|40012|https://shop.test/|medium|fp-2']
    ]
  ];

  it.each(cases)('%s', (_name, build, expected) => {
    expect(summarize(deduplicate(build()))).toEqual(expected);
  });
});

describe('deduplicate: dependency findings', () => {
  const lockfile = at('package-lock.json');
  const cases: Array<[string, () => Finding[], string[]]> = [
    [
      'one advisory in one package from two tools',
      () => [
        finding({ tools: ['Trivy'], category: 'container', rule: { id: 'CVE-2023-0286' }, location: undefined, vulnerabilityIds: ['CVE-2023-0286'], package: { name: 'openssl' }, severity: 'high' }),
        finding({ tools: ['Grype'], category: 'container', rule: { id: 'CVE-2023-0286-openssl' }, location: undefined, vulnerabilityIds: ['CVE-2023-0286'], package: { name: 'openssl' } })
      ],
      ['Grype+Trivy|CVE-2023-0286-openssl|-|high|fp-2']
    ],
    [
      'one advisory in two packages stays two findings',
      () => [
        finding({ tools: ['Trivy'], rule: { id: 'CVE-2023-0286' }, location: undefined, vulnerabilityIds: ['CVE-2023-0286'], package: { name: 'openssl' } }),
        finding({ tools: ['Trivy'], rule: { id: 'CVE-2023-0286' }, location: undefined, vulnerabilityIds: ['CVE-2023-0286'], package: { name: 'libssl3' } })
      ],
      ['Trivy|CVE-2023-0286|-|medium|fp-1', 'Trivy|CVE-2023-0286|-|medium|fp-2']
    ],
    [
      'a GHSA id shared in a lockfile',
      () => [
        finding({ tools: ['npm audit'], rule: { id: '1096471' }, location: lockfile, vulnerabilityIds: ['GHSA-c2qf-rxjj-qqgw', 'CVE-2022-25883'], package: { name: 'semver' } }),
        finding({ tools: ['Snyk'], rule: { id: 'SNYK-JS-SEMVER-3247795' }, location: lockfile, vulnerabilityIds: ['ghsa-c2qf-rxjj-qqgw'], package: { name: 'semver' } })
      ],
      ['Snyk+npm audit|SNYK-JS-SEMVER-3247795|package-lock.json:-|medium|fp-2']
    ]
  ];

  it.each(cases)('%s', (_name, build, expected) => {
    expect(summarize(deduplicate(build()))).toEqual(expected);
  });
});

describe('deduplicate: the merged finding', () => {
  const codeql = (): Finding =>
    finding({
      tools: ['CodeQL'],
      rule: { id: 'js/reflected-xss', name: 'Reflected XSS' },
      message: 'CodeQL message',
      severity: 'medium',
      cwes: ['CWE-79', 'CWE-116'],
      controls: ['SOC2:CC8.1'],
      suppression: { kind: 'inline', source: 'src/app.js:9' }
    });
  const semgrep = (): Finding =>
    finding({
      tools: ['Semgrep', 'CodeQL'],
      rule: { id: 'javascript.xss' },
      message: 'Semgrep message',
      severity: 'critical',
      cwes: ['CWE-79', 'CWE-80'],
      vulnerabilityIds: ['CVE-2024-0001'],
      controls: ['SOC2:CC8.1', 'NIST-CSF-2.0:PR.PS-06']
    });

  it('keeps the first tool rule, message and fingerprint', () => {
    const [merged] = deduplicate([semgrep(), codeql()]);
    expect(merged!.rule).toEqual({ id: 'js/reflected-xss', name: 'Reflected XSS' });
    expect(merged!.message).toBe('CodeQL message');
    expect(merged!.fingerprint).toBe('fp-2');
  });

  it('unites tools, CWE ids, vulnerability ids and controls', () => {
    const [merged] = deduplicate([semgrep(), codeql()]);
    expect(merged!.tools).toEqual(['CodeQL', 'Semgrep']);
    expect(merged!.cwes).toEqual(['CWE-79', 'CWE-116', 'CWE-80']);
    expect(merged!.vulnerabilityIds).toEqual(['CVE-2024-0001']);
    expect(merged!.controls).toEqual(['SOC2:CC8.1', 'NIST-CSF-2.0:PR.PS-06']);
  });

  it('takes the highest severity', () => {
    const [merged] = deduplicate([codeql(), semgrep()]);
    expect(merged!.severity).toBe('critical');
  });

  it('drops the suppression unless every member is suppressed', () => {
    const [merged] = deduplicate([codeql(), semgrep()]);
    expect(merged!.suppression).toBeUndefined();
  });

  it('keeps the first suppression when every member is suppressed', () => {
    const other = semgrep();
    other.suppression = { kind: 'config', justification: 'test data' };
    const [merged] = deduplicate([other, codeql()]);
    expect(merged!.suppression).toEqual({ kind: 'inline', source: 'src/app.js:9' });
  });

  it('does not modify the input findings', () => {
    const first = codeql();
    const second = semgrep();
    deduplicate([first, second]);
    expect(first.tools).toEqual(['CodeQL']);
    expect(first.cwes).toEqual(['CWE-79', 'CWE-116']);
    expect(first.suppression).toEqual({ kind: 'inline', source: 'src/app.js:9' });
    expect(second.tools).toEqual(['Semgrep', 'CodeQL']);
  });

  it('returns an empty list for no findings', () => {
    expect(deduplicate([])).toEqual([]);
  });
});

describe('deduplicate: order and size', () => {
  it('returns findings sorted by path, line and tool', () => {
    const input = [
      finding({ tools: ['Semgrep'], rule: { id: 'r1' }, location: at('b.js', 1) }),
      finding({ tools: ['Bandit'], rule: { id: 'r2' }, location: at('a.js', 5) }),
      finding({ tools: ['Semgrep'], rule: { id: 'r3' }, location: at('a.js', 2) }),
      finding({ tools: ['CodeQL'], rule: { id: 'r4' }, location: at('a.js', 2) })
    ];
    expect(summarize(deduplicate(input))).toEqual([
      'CodeQL|r4|a.js:2|medium|fp-4',
      'Semgrep|r3|a.js:2|medium|fp-3',
      'Bandit|r2|a.js:5|medium|fp-2',
      'Semgrep|r1|b.js:1|medium|fp-1'
    ]);
  });

  it('merges 100,000 findings from two tools', () => {
    const input: Finding[] = [];
    for (let file = 0; file < 500; file += 1) {
      for (let line = 1; line <= 100; line += 1) {
        const location = at(`src/module-${file}.ts`, line * 3);
        input.push(finding({ tools: ['Semgrep'], rule: { id: `semgrep.rule-${line % 7}` }, cwes: [`CWE-${line % 7}`], location }));
        input.push(finding({ tools: ['CodeQL'], rule: { id: `js/rule-${line % 7}` }, cwes: [`CWE-${line % 7}`], location }));
      }
    }

    const merged = deduplicate(input);

    expect(input).toHaveLength(100_000);
    expect(merged).toHaveLength(50_000);
    expect(merged[0]!.tools).toEqual(['CodeQL', 'Semgrep']);
    expect(merged[0]!.location).toEqual(at('src/module-0.ts', 3));
  });
});

describe('deduplicate: findings with no location', () => {
  it.each([
    [
      'same rule and message merge',
      [
        { tools: ['Grype'], rule: { id: 'CIS-DI-0010' }, message: 'Suspicious ENV key' },
        { tools: ['Dockle'], rule: { id: 'CIS-DI-0010' }, message: 'Suspicious ENV key' }
      ],
      ['Dockle+Grype|CIS-DI-0010|-|medium|fp-2']
    ],
    [
      'same rule with other messages stay apart',
      [
        { tools: ['Dockle'], rule: { id: 'CIS-DI-0010' }, message: 'Suspicious ENV key A' },
        { tools: ['Dockle'], rule: { id: 'CIS-DI-0010' }, message: 'Suspicious ENV key B' }
      ],
      ['Dockle|CIS-DI-0010|-|medium|fp-1', 'Dockle|CIS-DI-0010|-|medium|fp-2']
    ],
    [
      'a shared CWE alone stays apart',
      [
        { tools: ['CodeQL'], rule: { id: 'js/xss' }, cwes: ['CWE-79'] },
        { tools: ['Semgrep'], rule: { id: 'xss-rule' }, cwes: ['CWE-79'] }
      ],
      ['CodeQL|js/xss|-|medium|fp-1', 'Semgrep|xss-rule|-|medium|fp-2']
    ],
    [
      'one advisory in one package merges',
      [
        { tools: ['Grype'], rule: { id: 'CVE-2021-44228-log4j' }, vulnerabilityIds: ['CVE-2021-44228'], package: { name: 'log4j-core' } },
        { tools: ['Trivy'], rule: { id: 'CVE-2021-44228' }, vulnerabilityIds: ['CVE-2021-44228'], package: { name: 'log4j-core' } }
      ],
      ['Grype+Trivy|CVE-2021-44228-log4j|-|medium|fp-1']
    ],
    [
      'one advisory in two packages stays apart',
      [
        { tools: ['Grype'], rule: { id: 'CVE-2021-44228' }, vulnerabilityIds: ['CVE-2021-44228'], package: { name: 'log4j-core' } },
        { tools: ['Trivy'], rule: { id: 'CVE-2021-44228' }, vulnerabilityIds: ['CVE-2021-44228'], package: { name: 'log4j-api' } }
      ],
      ['Grype|CVE-2021-44228|-|medium|fp-1', 'Trivy|CVE-2021-44228|-|medium|fp-2']
    ]
  ] as Array<[string, Array<Partial<Finding>>, string[]]>)('%s', (_name, inputs, expected) => {
    const findings = inputs.map((input) => finding({ location: undefined, ...input }));

    expect(summarize(deduplicate(findings))).toEqual(expected);
  });
});

describe('deduplicate: one tool, two rules', () => {
  it('keeps two rules of one tool that share a CWE', () => {
    const findings = [
      finding({ tools: ['Checkov'], rule: { id: 'CKV_AWS_24' }, cwes: ['CWE-284'], location: at('main.tf', 10, 20) }),
      finding({ tools: ['Checkov'], rule: { id: 'CKV_AWS_25' }, cwes: ['CWE-284'], location: at('main.tf', 10, 20) })
    ];

    expect(summarize(deduplicate(findings))).toEqual(['Checkov|CKV_AWS_24|main.tf:10|medium|fp-1', 'Checkov|CKV_AWS_25|main.tf:10|medium|fp-2']);
  });

  it('still merges the same CWE across tools', () => {
    const findings = [
      finding({ tools: ['Checkov'], rule: { id: 'CKV_AWS_24' }, cwes: ['CWE-284'], location: at('main.tf', 10, 20) }),
      finding({ tools: ['tfsec'], rule: { id: 'aws-vpc-no-public-ingress-sgr' }, cwes: ['CWE-284'], location: at('main.tf', 12) })
    ];

    expect(summarize(deduplicate(findings))).toEqual(['Checkov+tfsec|CKV_AWS_24|main.tf:10|medium|fp-1']);
  });
});
