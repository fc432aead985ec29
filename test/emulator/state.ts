import { createHash } from 'node:crypto';

/** A check run annotation as the client sent it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  external_id?: string;
  /** Title, summary and text as last sent, and annotations accumulated over every request as GitHub does. */
  output: { title?: string; summary?: string; text?: string; annotations: Annotation[] };
  actions?: unknown[];
}

export interface StoredComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface SarifUpload {
  id: string;
  commit_sha: string;
  ref: string;
  /** The decoded upload: base64, then gunzip, then JSON. */
  sarif: object;
  /** `runs[0].automationDetails.id`, which is where a SARIF file carries its code scanning category. */
  category?: string;
  tool_name?: string;
  checkout_uri?: string;
}

export interface PullFile {
  filename: string;
  status?: string;
  patch?: string;
  previous_filename?: string;
}

export type TokenPermission = 'write' | 'read';

/** Login of the user that GITHUB_TOKEN acts as. */
export const BOT_LOGIN = 'github-actions[bot]';
/** Account id of github-actions[bot] on github.com. */
const BOT_USER_ID = 41898282;

/** URLs and names every representation needs. */
export interface RepositoryContext {
  baseUrl: string;
  owner: string;
  repo: string;
}

/** In-memory repository state behind the emulator. */
export class EmulatorState {
  readonly checkRuns: StoredCheckRun[] = [];
  readonly comments: StoredComment[] = [];
  readonly sarifUploads: SarifUpload[] = [];

  // Ids start at distinct values so a test that mixes up a check run id and a comment id fails.
  private nextCheckRunId = 1001;
  private nextCommentId = 5001;
  private readonly userIds = new Map<string, number>([[BOT_LOGIN, BOT_USER_ID]]);

  constructor(
    readonly context: RepositoryContext,
    readonly pullFiles: Record<number, PullFile[]>
  ) {}

  allocateCheckRunId(): number {
    return this.nextCheckRunId++;
  }

  allocateCommentId(): number {
    return this.nextCommentId++;
  }

  userId(login: string): number {
    let id = this.userIds.get(login);
    if (id === undefined) {
      id = 100 + this.userIds.size;
      this.userIds.set(login, id);
    }
    return id;
  }
}

/** Current time the way GitHub prints it: ISO 8601 in UTC without fractional seconds. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Deterministic 40-hex id for objects the emulator invents (blob shas, node ids). */
export function fakeSha(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

export function userType(login: string): string {
  return login.endsWith('[bot]') ? 'Bot' : 'User';
}

/** Builds the simple-user object GitHub embeds as `user`, `owner` and `sender`. */
export function userRepresentation(state: EmulatorState, login: string): Record<string, unknown> {
  const base = state.context.baseUrl;
  const userUrl = `${base}/users/${encodeURIComponent(login)}`;
  const id = state.userId(login);
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: `${base}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url: userUrl,
    html_url: `${base}/${encodeURIComponent(login)}`,
    followers_url: `${userUrl}/followers`,
    following_url: `${userUrl}/following{/other_user}`,
    gists_url: `${userUrl}/gists{/gist_id}`,
    starred_url: `${userUrl}/starred{/owner}{/repo}`,
    subscriptions_url: `${userUrl}/subscriptions`,
    organizations_url: `${userUrl}/orgs`,
    repos_url: `${userUrl}/repos`,
    events_url: `${userUrl}/events{/privacy}`,
    received_events_url: `${userUrl}/received_events`,
    type: userType(login),
    user_view_type: 'public',
    site_admin: false
  };
}

/** Builds the GitHub Actions app object that owns check runs created with GITHUB_TOKEN. */
function actionsAppRepresentation(state: EmulatorState): Record<string, unknown> {
  const base = state.context.baseUrl;
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: userRepresentation(state, 'github'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: `${base}/features/actions`,
    html_url: `${base}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { checks: 'write', issues: 'write', metadata: 'read', pull_requests: 'write' },
    events: ['check_run', 'check_suite']
  };
}

function repositoryPath(context: RepositoryContext): string {
  return `${context.baseUrl}/repos/${context.owner}/${context.repo}`;
}

function webPath(context: RepositoryContext): string {
  return `${context.baseUrl}/${context.owner}/${context.repo}`;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function checkRunRepresentation(state: EmulatorState, run: StoredCheckRun): Record<string, unknown> {
  const context = state.context;
  const url = `${repositoryPath(context)}/check-runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: Buffer.from(`04:CheckRun${run.id}`).toString('base64'),
    head_sha: run.head_sha,
    external_id: run.external_id ?? '',
    url,
    html_url: `${webPath(context)}/runs/${run.id}`,
    details_url: run.details_url ?? `${webPath(context)}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion ?? null,
    started_at: run.started_at ?? null,
    completed_at: run.completed_at ?? null,
    output: {
      title: run.output.title ?? null,
      summary: run.output.summary ?? null,
      text: run.output.text ?? null,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`
    },
    check_suite: { id: 7001 },
    app: actionsAppRepresentation(state),
    pull_requests: []
  };
}

/** An annotation as GET .../annotations returns it: absent optional fields are null. */
export function annotationRepresentation(state: EmulatorState, run: StoredCheckRun, annotation: Annotation): Record<string, unknown> {
  return {
    path: annotation.path,
    blob_href: `${webPath(state.context)}/blob/${run.head_sha}/${encodePath(annotation.path)}`,
    start_line: annotation.start_line,
    end_line: annotation.end_line,
    start_column: annotation.start_column ?? null,
    end_column: annotation.end_column ?? null,
    annotation_level: annotation.annotation_level,
    title: annotation.title ?? null,
    message: annotation.message,
    raw_details: annotation.raw_details ?? null
  };
}

export function commentRepresentation(state: EmulatorState, comment: StoredComment): Record<string, unknown> {
  const context = state.context;
  const url = `${repositoryPath(context)}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
    url,
    html_url: `${webPath(context)}/pull/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${repositoryPath(context)}/issues/${comment.issue_number}`,
    body: comment.body,
    user: userRepresentation(state, comment.user.login),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0
    }
  };
}

/** Builds a pull request file object, counting additions and deletions from the patch. */
export function pullFileRepresentation(state: EmulatorState, pullNumber: number, file: PullFile): Record<string, unknown> {
  const context = state.context;
  const sha = fakeSha(pullNumber, file.filename, file.patch ?? '');
  const lines = (file.patch ?? '').split('\n');
  const additions = lines.filter((line) => line.startsWith('+') && !line.startsWith('+++')).length;
  const deletions = lines.filter((line) => line.startsWith('-') && !line.startsWith('---')).length;
  const representation: Record<string, unknown> = {
    sha,
    filename: file.filename,
    status: file.status ?? 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${webPath(context)}/blob/${sha}/${encodePath(file.filename)}`,
    raw_url: `${webPath(context)}/raw/${sha}/${encodePath(file.filename)}`,
    contents_url: `${repositoryPath(context)}/contents/${encodePath(file.filename)}?ref=${sha}`
  };
  if (file.patch !== undefined) {
    representation.patch = file.patch;
  }
  if (file.previous_filename !== undefined) {
    representation.previous_filename = file.previous_filename;
  }
  return representation;
}
