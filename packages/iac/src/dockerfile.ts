import { DockerfileParser, type Instruction } from 'dockerfile-ast';

import type { PolicyDefinition, Violation } from './policy.js';

export interface DockerInstruction {
  keyword: string;
  /** Arguments as one shell string; exec-form JSON arrays are joined with spaces. */
  text: string;
  /** Line of the instruction keyword, 1-based. */
  line: number;
  column: number;
  endLine: number;
}

export interface DockerStage {
  from: DockerInstruction;
  image: string;
  /** `AS name`, lower-cased. */
  name?: string;
  instructions: DockerInstruction[];
}

export interface DockerfileModel {
  path: string;
  stages: DockerStage[];
}

export interface DockerfilePolicy extends PolicyDefinition {
  check(dockerfile: DockerfileModel): Violation[];
}

/** Reads a Dockerfile into stages. dockerfile-ast recovers from malformed lines, so content alone gives no parse error. */
export function parseDockerfile(path: string, text: string): DockerfileModel {
  const stages: DockerStage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const model = toInstruction(instruction);
    if (model.keyword === 'FROM') {
      const args = instruction.getArguments().map((argument) => argument.getValue());
      const asIndex = args.findIndex((argument) => argument.toLowerCase() === 'as');
      const image = args.find((argument) => !argument.startsWith('--')) ?? '';
      stages.push({ from: model, image, name: asIndex >= 0 ? args[asIndex + 1]?.toLowerCase() : undefined, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(model);
    }
  }
  return { path, stages };
}

function toInstruction(instruction: Instruction): DockerInstruction {
  const range = instruction.getRange();
  const raw = instruction.getArgumentsContent() ?? '';
  let text = raw.replace(/\\\r?\n/g, ' ');
  if (/^\s*\[/.test(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) {
        text = parsed.map(String).join(' ');
      }
    } catch {
      // A malformed exec form is kept as written and read as shell form, as Docker does.
    }
  }
  return { keyword: instruction.getKeyword().toUpperCase(), text, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1 };
}

function at(dockerfile: DockerfileModel, instruction: DockerInstruction, message: string): Violation {
  return { path: dockerfile.path, line: instruction.line, column: instruction.column, endLine: instruction.endLine, message };
}

function definition(id: string, title: string, severity: PolicyDefinition['severity'], cwes: string[], description: string, remediation: string, themes: PolicyDefinition['themes']): PolicyDefinition {
  return { id, platform: 'dockerfile', title, severity, cwes, description, remediation, themes };
}

/** Builds a policy that flags every RUN instruction whose shell text passes `test`. */
function runPolicy(base: PolicyDefinition, test: (command: string) => boolean, message: string): DockerfilePolicy {
  return {
    ...base,
    check(dockerfile) {
      return dockerfile.stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'RUN' && test(instruction.text)).map((instruction) => at(dockerfile, instruction, message)));
    }
  };
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const URL = /^(https?|ftp):\/\//i;
const SECRET_KEY = /(passw(or)?d|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential)/i;

/** Splits a shell command line into simple commands at `&&`, `||`, `;` and `|`. */
function commands(text: string): string[] {
  return text.split(/&&|\|\||;|\|/).map((part) => part.trim()).filter(Boolean);
}

function aptInstalls(text: string): string[] {
  return commands(text).filter((command) => /^(sudo\s+)?apt(-get)?\s+(.*\s)?install(\s|$)/.test(command));
}

function addSources(instruction: DockerInstruction): string[] {
  const args = instruction.text.split(/\s+/).filter((argument) => argument && !argument.startsWith('--'));
  return args.slice(0, -1);
}

function isStageReference(stages: DockerStage[], index: number): boolean {
  const image = stages[index]!.image.toLowerCase();
  return stages.slice(0, index).some((stage) => stage.name === image);
}

export const DOCKERFILE_POLICIES: DockerfilePolicy[] = [
  {
    ...definition('DSO-DF-001', 'Final stage runs as root', 'medium', ['CWE-250'], 'The final build stage has no USER instruction, or its last USER is root or 0, so the container runs as root.', 'Create an unprivileged user and end the final stage with `USER <name>` or a non-zero UID.', ['workload-isolation']),
    check(dockerfile) {
      const stage = dockerfile.stages[dockerfile.stages.length - 1];
      if (!stage || stage.image.toLowerCase() === 'scratch') {
        return [];
      }
      const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
      const last = users[users.length - 1];
      if (!last) {
        return [at(dockerfile, stage.from, 'The final stage sets no USER, so the container runs as root.')];
      }
      const user = last.text.trim().split(':')[0];
      return user === 'root' || user === '0' ? [at(dockerfile, last, 'The final stage runs as root.')] : [];
    }
  },
  {
    ...definition('DSO-DF-002', 'No HEALTHCHECK', 'info', ['CWE-693'], 'The final stage has no HEALTHCHECK instruction, so Docker and Compose cannot tell a hung container from a healthy one.', 'Add `HEALTHCHECK CMD <command>` that checks the service, or `HEALTHCHECK NONE` to state that none applies.', ['resilience']),
    check(dockerfile) {
      const stage = dockerfile.stages[dockerfile.stages.length - 1];
      return stage && !stage.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK') ? [at(dockerfile, stage.from, 'The final stage has no HEALTHCHECK.')] : [];
    }
  },
  {
    ...definition('DSO-DF-003', 'Base image not pinned', 'medium', ['CWE-1357'], 'A FROM instruction names an image without a tag, or with `latest`, and without a digest.', 'Pin the base image by digest (`image:tag@sha256:...`), or at least by a version tag.', ['software-integrity']),
    check(dockerfile) {
      return dockerfile.stages.flatMap((stage, index) => {
        const image = stage.image;
        if (image.toLowerCase() === 'scratch' || image.includes('$') || image.includes('@sha256:') || isStageReference(dockerfile.stages, index)) {
          return [];
        }
        const name = image.slice(image.lastIndexOf('/') + 1);
        const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : undefined;
        return tag === undefined || tag === 'latest' ? [at(dockerfile, stage.from, `The base image "${image}" is not pinned to a version or digest.`)] : [];
      });
    }
  },
  {
    ...definition('DSO-DF-004', 'ADD used where COPY serves', 'low', ['CWE-829'], 'ADD copies a local file that is not an archive. ADD also fetches URLs and unpacks archives, which COPY never does, so COPY states the intent and avoids surprises.', 'Use COPY for local files and directories.', ['secure-configuration']),
    check(dockerfile) {
      return dockerfile.stages.flatMap((stage) =>
        stage.instructions.filter((instruction) => instruction.keyword === 'ADD' && addSources(instruction).some((source) => !URL.test(source) && !ARCHIVE.test(source) && !source.startsWith('git@'))).map((instruction) => at(dockerfile, instruction, 'ADD copies a local file; use COPY.'))
      );
    }
  },
  {
    ...definition('DSO-DF-005', 'ADD downloads from a URL', 'medium', ['CWE-494'], 'ADD fetches a remote URL, with no checksum unless --checksum is given.', 'Download with curl or wget in a RUN instruction and verify a checksum, or use `ADD --checksum=sha256:...`.', ['software-integrity']),
    check(dockerfile) {
      return dockerfile.stages.flatMap((stage) =>
        stage.instructions.filter((instruction) => instruction.keyword === 'ADD' && !instruction.text.includes('--checksum') && addSources(instruction).some((source) => URL.test(source))).map((instruction) => at(dockerfile, instruction, 'ADD downloads a URL without a checksum.'))
      );
    }
  },
  runPolicy(
    definition('DSO-DF-006', 'Remote script piped to a shell', 'high', ['CWE-494'], 'A RUN instruction pipes the output of curl or wget into a shell, running code that is neither pinned nor verified.', 'Download the script, verify its checksum or signature, then run it.', ['software-integrity']),
    (text) => /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b/.test(text),
    'A remote script is piped into a shell.'
  ),
  runPolicy(
    definition('DSO-DF-007', 'apt-get install pulls recommended packages', 'low', ['CWE-1104'], 'apt-get install runs without --no-install-recommends, which adds packages the image does not need to its attack surface.', 'Add `--no-install-recommends` to apt-get install.', ['secure-configuration']),
    (text) => aptInstalls(text).some((command) => !/--no-install-recommends|APT::Install-Recommends=(false|0)/i.test(command)),
    'apt-get install runs without --no-install-recommends.'
  ),
  runPolicy(
    definition('DSO-DF-008', 'Package manager cache kept in the image', 'low', ['CWE-459'], 'A RUN instruction installs with apt-get and neither removes /var/lib/apt/lists nor runs apt-get clean, or installs with apk add without --no-cache, so the layer keeps the package index or downloaded archives.', 'End the same RUN with `rm -rf /var/lib/apt/lists/*`, or use `apk add --no-cache`.', ['secure-configuration']),
    (text) => (aptInstalls(text).length > 0 && !/rm\s+-[a-z]*r[a-z]*f?[a-z]*\s+\/var\/lib\/apt\/lists|apt(-get)?\s+clean/.test(text)) || commands(text).some((command) => /^apk\s+(.*\s)?add(\s|$)/.test(command) && !command.includes('--no-cache')),
    'The package manager cache stays in the layer.'
  ),
  runPolicy(
    definition('DSO-DF-009', 'Installed packages not pinned', 'low', ['CWE-1357'], 'apt-get install, apk add or pip install names a package without a version, so rebuilds install whatever is newest.', 'Pin versions (`pkg=1.2.3`, `pkg==1.2.3`), or install from a lock file or requirements file with hashes.', ['software-integrity']),
    (text) =>
      commands(text).some((command) => {
        const match = /^(?:sudo\s+)?(apt-get\s+(?:.*\s)?install|apk\s+(?:.*\s)?add|pip3?\s+install)\s+(.*)$/.exec(command);
        if (!match) {
          return false;
        }
        const packages = match[2]!.split(/\s+/).filter((word) => word && !word.startsWith('-') && !word.includes('/') && !word.startsWith('$'));
        return packages.some((name) => !/[=<>~]/.test(name));
      }),
    'A package is installed without a pinned version.'
  ),
  {
    ...definition('DSO-DF-010', 'Secret in ENV or ARG', 'high', ['CWE-798'], 'An ENV or ARG instruction whose name suggests a secret (password, token, API key) has a value; both are kept in the image history.', 'Pass secrets at build time with `RUN --mount=type=secret`, and at run time through the orchestrator.', ['credentials']),
    check(dockerfile) {
      return dockerfile.stages.flatMap((stage) =>
        stage.instructions
          .filter((instruction) => (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') && /(^|\s)([A-Za-z_][A-Za-z0-9_]*)(=|\s+)\S/.test(instruction.text))
          .filter((instruction) => [...instruction.text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)("[^"]+"|[^\s$"]+)/g)].some((match) => SECRET_KEY.test(match[1]!)))
          .map((instruction) => at(dockerfile, instruction, `${instruction.keyword} sets a secret value.`))
      );
    }
  },
  runPolicy(
    definition('DSO-DF-011', 'sudo in RUN', 'medium', ['CWE-250'], 'A RUN instruction calls sudo. Build steps already run as the current USER; sudo in an image also lets the runtime user become root.', 'Switch with `USER root` for the steps that need it and back to the unprivileged user after them; do not install sudo.', ['least-privilege']),
    (text) => commands(text).some((command) => /^sudo(\s|$)/.test(command)),
    'RUN uses sudo.'
  ),
  {
    ...definition('DSO-DF-012', 'SSH port exposed', 'medium', ['CWE-284'], 'EXPOSE lists port 22. A container should not run an SSH daemon; use `docker exec` or `kubectl exec`.', 'Remove 22 from EXPOSE and the SSH server from the image.', ['network-exposure']),
    check(dockerfile) {
      return dockerfile.stages.flatMap((stage) =>
        stage.instructions.filter((instruction) => instruction.keyword === 'EXPOSE' && instruction.text.split(/\s+/).some((port) => port.split('/')[0] === '22')).map((instruction) => at(dockerfile, instruction, 'EXPOSE lists the SSH port 22.'))
      );
    }
  },
  {
    ...definition('DSO-DF-013', 'Pipe without pipefail', 'low', ['CWE-754'], 'A RUN uses a pipe while the SHELL is not set with `-o pipefail`, so a failing first command does not fail the build. PowerShell commands are left out.', 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or `set -o pipefail &&` at its start.', ['secure-configuration']),
    check(dockerfile) {
      const violations: Violation[] = [];
      for (const stage of dockerfile.stages) {
        let pipefail = false;
        for (const instruction of stage.instructions) {
          if (instruction.keyword === 'SHELL') {
            pipefail = instruction.text.includes('pipefail');
          } else if (instruction.keyword === 'RUN' && !pipefail && !/^\s*(pwsh|powershell)\b/i.test(instruction.text) && /(^|[^|])\|([^|]|$)/.test(instruction.text) && !/set\s+(-[a-z]*\s+)*-o\s+pipefail/.test(instruction.text)) {
            violations.push(at(dockerfile, instruction, 'RUN uses a pipe without pipefail.'));
          }
        }
      }
      return violations;
    }
  }
];
