import type { PolicyDefinition, Violation } from './policy.js';
import { child, deepest, strings, type YamlDocument, type YamlNode } from './yaml-tree.js';

/** One Kubernetes object from a manifest, possibly one of several documents in the file. */
export interface KubernetesObject {
  path: string;
  kind: string;
  name: string;
  namespace?: string;
  root: YamlNode;
}

export interface KubernetesPolicy extends PolicyDefinition {
  check(objects: KubernetesObject[]): Violation[];
}

/** Key path of the pod spec in each workload kind. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  // Knative Serving: a Configuration, and a Service of serving.knative.dev (see podSpecPath).
  Configuration: ['spec', 'template', 'spec']
};

function podSpecPath(object: KubernetesObject): string[] | undefined {
  if (object.kind === 'Service' && String(child(object.root, 'apiVersion')?.value).startsWith('serving.knative.dev/')) {
    return ['spec', 'template', 'spec'];
  }
  return POD_SPEC_PATHS[object.kind];
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

/** True when a parsed YAML document looks like a Kubernetes object (has apiVersion and kind). */
export function toKubernetesObject(path: string, document: YamlDocument): KubernetesObject | undefined {
  const root = document.root;
  const kind = child(root, 'kind')?.value;
  if (!root?.map || typeof kind !== 'string' || typeof child(root, 'apiVersion')?.value !== 'string') {
    return undefined;
  }
  const namespace = child(root, 'metadata', 'namespace')?.value;
  return { path, kind, name: String(child(root, 'metadata', 'name')?.value ?? ''), namespace: typeof namespace === 'string' ? namespace : undefined, root };
}

interface Workload {
  object: KubernetesObject;
  podSpec: YamlNode;
  /** Pod template metadata, for annotations. */
  podMetadata?: YamlNode;
  containers: Array<{ node: YamlNode; name: string }>;
}

function workloads(objects: KubernetesObject[]): Workload[] {
  const result: Workload[] = [];
  for (const object of objects) {
    const path = podSpecPath(object);
    const podSpec = path ? child(object.root, ...path) : undefined;
    if (!podSpec?.map) {
      continue;
    }
    const metadataPath = path!.length === 1 ? ['metadata'] : [...path!.slice(0, -1), 'metadata'];
    const containers = CONTAINER_LISTS.flatMap((list) => child(podSpec, list)?.items ?? []).filter((node) => node.map).map((node) => ({ node, name: String(child(node, 'name')?.value ?? '') }));
    result.push({ object, podSpec, podMetadata: child(object.root, ...metadataPath), containers });
  }
  return result;
}

function at(object: KubernetesObject, node: YamlNode, message: string): Violation {
  return { path: object.path, line: node.line, column: node.column, message };
}

function label(workload: Workload, container?: { name: string }): string {
  const owner = `${workload.object.kind} "${workload.object.name}"`;
  return container ? `container "${container.name}" of ${owner}` : owner;
}

/** Builds a policy that runs `check` on every container of every workload. */
function containerPolicy(definition: PolicyDefinition, check: (container: YamlNode, workload: Workload) => YamlNode | undefined, message: string): KubernetesPolicy {
  return {
    ...definition,
    check(objects) {
      const violations: Violation[] = [];
      for (const workload of workloads(objects)) {
        for (const container of workload.containers) {
          const place = check(container.node, workload);
          if (place) {
            violations.push(at(workload.object, place, `${label(workload, container)} ${message}`));
          }
        }
      }
      return violations;
    }
  };
}

function definition(id: string, title: string, severity: PolicyDefinition['severity'], cwes: string[], description: string, remediation: string, themes: PolicyDefinition['themes']): PolicyDefinition {
  return { id, platform: 'kubernetes', title, severity, cwes, description, remediation, themes };
}

/** Returns the container's securityContext setting, else the pod's. */
function effective(container: YamlNode, workload: Workload, ...keys: string[]): YamlNode | undefined {
  return child(container, 'securityContext', ...keys) ?? child(workload.podSpec, 'securityContext', ...keys);
}

const ALLOWED_ADDED_CAPABILITIES = ['NET_BIND_SERVICE'];
const SECRET_NAME = /(passw(or)?d|secret|token|api[_-]?key|private[_-]?key|credential)/i;

export const KUBERNETES_POLICIES: KubernetesPolicy[] = [
  containerPolicy(
    definition('DSO-K8S-001', 'Privileged container', 'critical', ['CWE-250'], 'A container sets `securityContext.privileged: true`, which gives it every capability and access to the host devices.', 'Remove `privileged: true`; add only the capabilities the process needs.', ['workload-isolation']),
    (container) => {
      const node = child(container, 'securityContext', 'privileged');
      return node?.value === true ? node : undefined;
    },
    'runs privileged.'
  ),
  containerPolicy(
    definition('DSO-K8S-002', 'Container allows privilege escalation', 'high', ['CWE-269'], 'A container does not set `securityContext.allowPrivilegeEscalation: false`, so setuid binaries can gain more privileges than the process started with.', 'Set `allowPrivilegeEscalation: false` in the container securityContext.', ['workload-isolation']),
    (container) => {
      const node = child(container, 'securityContext', 'allowPrivilegeEscalation');
      if (node?.value === false) {
        return undefined;
      }
      return node ?? deepest(container, 'securityContext', 'allowPrivilegeEscalation');
    },
    'allows privilege escalation.'
  ),
  containerPolicy(
    definition('DSO-K8S-003', 'Container may run as root', 'medium', ['CWE-271'], 'The effective `runAsUser` (the container\'s, else the pod\'s) is 0, or it is unset and the effective `runAsNonRoot` is not true.', 'Set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod or container securityContext, and build the image with a non-root USER.', ['workload-isolation']),
    (container, workload) => {
      // A container's runAsUser overrides the pod's. A non-zero UID is not root, whatever runAsNonRoot is set to.
      const user = effective(container, workload, 'runAsUser');
      if (user?.value === 0) {
        return user;
      }
      if (typeof user?.value === 'number' && user.value > 0) {
        return undefined;
      }
      const nonRoot = effective(container, workload, 'runAsNonRoot');
      if (nonRoot?.value === true) {
        return undefined;
      }
      return nonRoot ?? deepest(container, 'securityContext', 'runAsNonRoot');
    },
    'may run as root.'
  ),
  containerPolicy(
    definition('DSO-K8S-004', 'Container does not drop all capabilities', 'medium', ['CWE-272'], 'A container securityContext does not list ALL in `capabilities.drop`, so it keeps the default capability set of the runtime.', 'Set `capabilities: { drop: ["ALL"] }` and add back only NET_BIND_SERVICE if needed.', ['workload-isolation']),
    (container) => {
      const drop = child(container, 'securityContext', 'capabilities', 'drop');
      if (strings(drop).some((capability) => capability.toUpperCase() === 'ALL')) {
        return undefined;
      }
      return drop ?? deepest(container, 'securityContext', 'capabilities', 'drop');
    },
    'does not drop all capabilities.'
  ),
  containerPolicy(
    definition('DSO-K8S-005', 'Container adds capabilities', 'high', ['CWE-250'], 'A container adds a Linux capability other than NET_BIND_SERVICE, such as SYS_ADMIN or NET_ADMIN, which the restricted Pod Security Standard forbids.', 'Remove the capability from `capabilities.add`.', ['workload-isolation']),
    (container) => {
      const add = child(container, 'securityContext', 'capabilities', 'add');
      return strings(add).some((capability) => !ALLOWED_ADDED_CAPABILITIES.includes(capability.toUpperCase().replace(/^CAP_/, ''))) ? add : undefined;
    },
    'adds Linux capabilities beyond NET_BIND_SERVICE.'
  ),
  {
    ...definition('DSO-K8S-006', 'Seccomp profile not set or unconfined', 'medium', ['CWE-693'], 'A container runs without the RuntimeDefault or a Localhost seccomp profile: none is set on the container or pod, the type is Unconfined, or the legacy annotation names another profile.', 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.', ['workload-isolation']),
    check(objects) {
      const violations: Violation[] = [];
      for (const workload of workloads(objects)) {
        const annotations = child(workload.podMetadata, 'annotations');
        for (const [key, node] of annotations?.map ?? []) {
          if (key.startsWith('seccomp.security.alpha.kubernetes.io/') && node.value !== 'runtime/default' && node.value !== 'docker/default' && !String(node.value).startsWith('localhost/')) {
            violations.push(at(workload.object, node, `${label(workload)} sets the seccomp profile "${String(node.value)}".`));
          }
        }
        const podType = child(workload.podSpec, 'securityContext', 'seccompProfile', 'type');
        if (podType?.value === 'Unconfined') {
          violations.push(at(workload.object, podType, `${label(workload)} runs unconfined by seccomp.`));
        }
        const annotated = annotations?.map && [...annotations.map.keys()].some((key) => key.startsWith('seccomp.security.alpha.kubernetes.io/'));
        for (const container of workload.containers) {
          const type = child(container.node, 'securityContext', 'seccompProfile', 'type');
          if (type?.value === 'Unconfined') {
            violations.push(at(workload.object, type, `${label(workload, container)} runs unconfined by seccomp.`));
          } else if (!type && !podType && !annotated) {
            violations.push(at(workload.object, deepest(container.node, 'securityContext', 'seccompProfile', 'type'), `${label(workload, container)} has no seccomp profile.`));
          }
        }
      }
      return violations;
    }
  },
  {
    ...definition('DSO-K8S-007', 'Pod shares host namespaces', 'high', ['CWE-653'], 'A pod sets `hostNetwork`, `hostPID` or `hostIPC` to true and so sees the host network, processes or shared memory.', 'Remove hostNetwork, hostPID and hostIPC, or set them to false.', ['workload-isolation']),
    check(objects) {
      return workloads(objects).flatMap((workload) =>
        ['hostNetwork', 'hostPID', 'hostIPC'].flatMap((key) => {
          const node = child(workload.podSpec, key);
          return node?.value === true ? [at(workload.object, node, `${label(workload)} sets ${key}: true.`)] : [];
        })
      );
    }
  },
  {
    ...definition('DSO-K8S-008', 'Pod mounts a hostPath volume', 'high', ['CWE-668'], 'A pod volume uses hostPath, which exposes the node file system to the container.', 'Use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim.', ['workload-isolation']),
    check(objects) {
      return workloads(objects).flatMap((workload) =>
        (child(workload.podSpec, 'volumes')?.items ?? []).flatMap((volume) => {
          const hostPath = child(volume, 'hostPath');
          return hostPath ? [at(workload.object, hostPath, `${label(workload)} mounts the host path ${String(child(hostPath, 'path')?.value ?? '')}.`)] : [];
        })
      );
    }
  },
  containerPolicy(
    definition('DSO-K8S-009', 'Root file system writable', 'low', ['CWE-732'], 'A container does not set `securityContext.readOnlyRootFilesystem: true`.', 'Set `readOnlyRootFilesystem: true` and mount an emptyDir where the process must write.', ['workload-isolation']),
    (container) => {
      const node = child(container, 'securityContext', 'readOnlyRootFilesystem');
      return node?.value === true ? undefined : (node ?? deepest(container, 'securityContext', 'readOnlyRootFilesystem'));
    },
    'has a writable root file system.'
  ),
  containerPolicy(
    definition('DSO-K8S-010', 'CPU limit not set', 'low', ['CWE-770'], 'A container sets no `resources.limits.cpu`, so one pod can starve the others on its node.', 'Set `resources.limits.cpu` (and `requests.cpu`).', ['resilience']),
    (container) => (child(container, 'resources', 'limits', 'cpu') ? undefined : deepest(container, 'resources', 'limits', 'cpu')),
    'has no CPU limit.'
  ),
  containerPolicy(
    definition('DSO-K8S-011', 'Memory limit not set', 'low', ['CWE-400'], 'A container sets no `resources.limits.memory`.', 'Set `resources.limits.memory` (and `requests.memory`).', ['resilience']),
    (container) => (child(container, 'resources', 'limits', 'memory') ? undefined : deepest(container, 'resources', 'limits', 'memory')),
    'has no memory limit.'
  ),
  containerPolicy(
    definition('DSO-K8S-012', 'CPU or memory request not set', 'low', ['CWE-410'], 'A container sets no `resources.requests.cpu` or no `resources.requests.memory`, so the scheduler cannot place it safely.', 'Set `resources.requests.cpu` and `resources.requests.memory`.', ['resilience']),
    (container) => (child(container, 'resources', 'requests', 'cpu') && child(container, 'resources', 'requests', 'memory') ? undefined : deepest(container, 'resources', 'requests', child(container, 'resources', 'requests', 'cpu') ? 'memory' : 'cpu')),
    'has no CPU or memory request.'
  ),
  containerPolicy(
    definition('DSO-K8S-013', 'Liveness probe not defined', 'info', ['CWE-754'], 'A container of a long-running workload has no livenessProbe, so a hung process is never restarted.', 'Add a livenessProbe (httpGet, tcpSocket, grpc or exec).', ['resilience']),
    (container, workload) => (child(container, 'livenessProbe') || isBatch(workload) ? undefined : container),
    'has no liveness probe.'
  ),
  containerPolicy(
    definition('DSO-K8S-014', 'Readiness probe not defined', 'info', ['CWE-703'], 'A container of a long-running workload has no readinessProbe, so it receives traffic before it can serve.', 'Add a readinessProbe.', ['resilience']),
    (container, workload) => (child(container, 'readinessProbe') || isBatch(workload) ? undefined : container),
    'has no readiness probe.'
  ),
  containerPolicy(
    definition('DSO-K8S-015', 'Image not pinned', 'medium', ['CWE-1357'], 'A container image has no tag or the `latest` tag, and no digest, so the image that runs can change without a change to the manifest.', 'Pin the image by digest (`image@sha256:...`), or at least by a specific version tag.', ['software-integrity']),
    (container) => {
      const image = child(container, 'image');
      return image && typeof image.value === 'string' && isUnpinnedImage(image.value) ? image : undefined;
    },
    'uses an image without a version tag or digest.'
  ),
  {
    ...definition('DSO-K8S-016', 'Service account token mounted automatically', 'low', ['CWE-522'], 'A pod spec does not set `automountServiceAccountToken: false`, so every container gets an API token it may not need.', 'Set `automountServiceAccountToken: false` on the pod or its service account unless the pod calls the Kubernetes API.', ['credentials']),
    check(objects) {
      return workloads(objects).flatMap((workload) => {
        const node = child(workload.podSpec, 'automountServiceAccountToken');
        return node?.value === false ? [] : [at(workload.object, node ?? workload.podSpec, `${label(workload)} mounts a service account token.`)];
      });
    }
  },
  {
    ...definition('DSO-K8S-017', 'RBAC rule with wildcards', 'high', ['CWE-269'], 'A Role or ClusterRole rule has "*" in apiGroups, resources or verbs, which grants whatever exists now and whatever is added later.', 'List the API groups, resources and verbs the subject needs.', ['least-privilege']),
    check(objects) {
      return rbacRules(objects).flatMap(({ object, rule }) =>
        ['apiGroups', 'resources', 'verbs'].flatMap((key) => {
          const node = child(rule, key);
          return strings(node).includes('*') ? [at(object, node!, `${object.kind} "${object.name}" has "*" in ${key}.`)] : [];
        })
      );
    }
  },
  {
    ...definition('DSO-K8S-018', 'RBAC rule reads secrets', 'medium', ['CWE-200'], 'A Role or ClusterRole rule allows get, list or watch on secrets (or every verb), which reveals every secret in its scope.', 'Grant access to named secrets with resourceNames, or mount the secrets the workload needs instead.', ['least-privilege']),
    check(objects) {
      return rbacRules(objects).flatMap(({ object, rule }) => {
        const resources = child(rule, 'resources');
        const verbs = strings(child(rule, 'verbs'));
        const readsSecrets = strings(resources).includes('secrets') && verbs.some((verb) => ['get', 'list', 'watch', '*'].includes(verb)) && !child(rule, 'resourceNames');
        return readsSecrets ? [at(object, resources!, `${object.kind} "${object.name}" can read secrets.`)] : [];
      });
    }
  },
  {
    ...definition('DSO-K8S-019', 'Namespace without a NetworkPolicy', 'low', ['CWE-284'], 'A Namespace defined in the scanned manifests has no NetworkPolicy in the same manifests, so every pod in it accepts traffic from anywhere in the cluster.', 'Add a default-deny NetworkPolicy for the namespace and allow the flows it needs.', ['network-exposure']),
    check(objects) {
      const covered = new Set(objects.filter((object) => object.kind === 'NetworkPolicy').map((object) => object.namespace ?? 'default'));
      return objects
        .filter((object) => object.kind === 'Namespace' && !covered.has(object.name))
        .map((object) => at(object, child(object.root, 'metadata', 'name') ?? object.root, `Namespace "${object.name}" has no NetworkPolicy.`));
    }
  },
  containerPolicy(
    definition('DSO-K8S-020', 'Secret in a plain environment value', 'high', ['CWE-798'], 'A container environment variable whose name suggests a secret (password, token, API key) has a literal `value`.', 'Move the value to a Secret and use `valueFrom.secretKeyRef`.', ['credentials']),
    (container) => (child(container, 'env')?.items ?? []).map((variable) => ({ name: String(child(variable, 'name')?.value ?? ''), value: child(variable, 'value') })).find((variable) => SECRET_NAME.test(variable.name) && typeof variable.value?.value === 'string' && variable.value.value !== '')?.value,
    'has a secret in a plain environment value.'
  )
];

function isBatch(workload: Workload): boolean {
  return workload.object.kind === 'Job' || workload.object.kind === 'CronJob' || workload.containers.length === 0;
}

/** True for `nginx`, `nginx:latest` and `registry:5000/nginx`, false with a digest or another tag. */
export function isUnpinnedImage(image: string): boolean {
  if (image.includes('@sha256:') || image.includes('$')) {
    return false;
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
  return tag === undefined || tag === 'latest';
}

function rbacRules(objects: KubernetesObject[]): Array<{ object: KubernetesObject; rule: YamlNode }> {
  return objects.filter((object) => object.kind === 'Role' || object.kind === 'ClusterRole').flatMap((object) => (child(object.root, 'rules')?.items ?? []).map((rule) => ({ object, rule })));
}
