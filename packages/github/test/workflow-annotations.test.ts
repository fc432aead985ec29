import type { Finding, Severity } from '@devsecops/core';
import { RecordingLogger } from '@devsecops/core';

import {
  emitWorkflowAnnotations,
  escapeData,
  escapeProperty,
  formatWorkflowAnnotation
} from '../src/workflow-annotations.js';

function finding(severity: Severity, index: number, overrides: Partial<Finding> = {}): Finding {
  return {
    tools: ['gitleaks'],
    category: 'secrets',
    rule: { id: 'aws-access-key' },
    severity,
    message: `finding ${index}`,
    location: { path: `src/f${index}.ts`, startLine: index + 1 },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: `fp${index}`,
    controls: [],
    ...overrides
  };
}

describe('escaping', () => {
  test.each([
    ['plain', 'plain', 'plain'],
    ['100%', '100%25', '100%25'],
    ['a\nb', 'a%0Ab', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['x:y,z', 'x:y,z', 'x%3Ay%2Cz'],
    ['%0A', '%250A', '%250A'],
    ['::set-output name=x::y', '::set-output name=x::y', '%3A%3Aset-output name=x%3A%3Ay']
  ])('%j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });
});

describe('formatWorkflowAnnotation', () => {
  test('full location', () => {
    const line = formatWorkflowAnnotation(
      'error',
      finding('high', 0, {
        rule: { id: 'js.xss', name: 'XSS, reflected: via query' },
        location: { path: 'src/a,b:c.ts', startLine: 4, endLine: 4, startColumn: 2, endColumn: 9 },
        message: 'Tainted 100% of the time'
      })
    );

    expect(line).toBe(
      '::error file=src/a%2Cb%3Ac.ts,line=4,endLine=4,col=2,endColumn=9,' +
        'title=js.xss%3A XSS%2C reflected%3A via query::Tainted 100%25 of the time'
    );
  });

  test('multi-line drops columns', () => {
    const line = formatWorkflowAnnotation(
      'warning',
      finding('medium', 0, { location: { path: 'a.ts', startLine: 3, endLine: 5, startColumn: 1, endColumn: 2 } })
    );

    expect(line).toBe('::warning file=a.ts,line=3,endLine=5,title=aws-access-key::finding 0');
  });

  test('no location', () => {
    const { location: _location, ...rest } = finding('low', 0);

    expect(formatWorkflowAnnotation('notice', { ...rest, url: 'https://app.example/' })).toBe(
      '::notice title=aws-access-key::finding 0 (https://app.example/)'
    );
  });

  test('message cannot start a new command', () => {
    const line = formatWorkflowAnnotation(
      'error',
      finding('critical', 0, { message: 'x\n::set-output name=x::y\r\n::add-mask::secret' })
    );

    expect(line.split(/\r?\n|\r/)).toHaveLength(1);
    expect(line).toBe(
      '::error file=src/f0.ts,line=1,title=aws-access-key::x%0A::set-output name=x::y%0D%0A::add-mask::secret'
    );
  });

  test('title and file cannot end the properties', () => {
    const line = formatWorkflowAnnotation(
      'error',
      finding('high', 0, { rule: { id: 'r::warning x' }, location: { path: 'a\n::error::b', startLine: 1 } })
    );

    expect(line).toBe('::error file=a%0A%3A%3Aerror%3A%3Ab,line=1,title=r%3A%3Awarning x::finding 0');
  });
});

describe('emitWorkflowAnnotations', () => {
  test('at most 10 per level', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, index) => finding('medium', index)),
      ...Array.from({ length: 8 }, (_, index) => finding('critical', 100 + index)),
      ...Array.from({ length: 5 }, (_, index) => finding('high', 200 + index)),
      ...Array.from({ length: 3 }, (_, index) => finding('info', 300 + index))
    ];
    const lines: string[] = [];
    const logger = new RecordingLogger();

    const counts = emitWorkflowAnnotations({ findings, write: (line) => lines.push(line), logger });

    expect(counts).toEqual({ shown: { error: 10, warning: 10, notice: 3 }, notShown: { error: 3, warning: 2, notice: 0 } });
    expect(lines).toHaveLength(23);
    expect(lines.filter((line) => line.startsWith('::error ')).map((line) => line.split('::')[2])).toEqual([
      'finding 100',
      'finding 101',
      'finding 102',
      'finding 103',
      'finding 104',
      'finding 105',
      'finding 106',
      'finding 107',
      'finding 200',
      'finding 201'
    ]);
    expect(lines.filter((line) => line.startsWith('::warning ')).at(-1)).toBe(
      '::warning file=src/f9.ts,line=10,title=aws-access-key::finding 9'
    );
    expect(logger.messages('info')).toEqual([
      '5 findings not shown as annotations because GitHub shows 10 per level a step (3 errors, 2 warnings, 0 notices)'
    ]);
  });

  test('custom maximum', () => {
    const lines: string[] = [];

    const counts = emitWorkflowAnnotations({
      findings: [finding('low', 0), finding('low', 1), finding('low', 2)],
      write: (line) => lines.push(line),
      maxPerLevel: 2
    });

    expect(counts.shown.notice).toBe(2);
    expect(counts.notShown.notice).toBe(1);
    expect(lines).toEqual([
      '::notice file=src/f0.ts,line=1,title=aws-access-key::finding 0',
      '::notice file=src/f1.ts,line=2,title=aws-access-key::finding 1'
    ]);
  });
});
