/** GitHub's page size when a request gives no per_page. */
export const DEFAULT_PER_PAGE = 30;
/** GitHub caps per_page at 100 for these endpoints and serves larger values as 100. */
export const MAX_PER_PAGE = 100;

export interface Page<T> {
  items: T[];
  /** The Link header, absent when everything fits on one page. */
  link?: string;
}

/**
 * Slices one page out of `items` and builds GitHub's Link header for it. The links repeat the
 * request URL with only `page` replaced, listed in GitHub's order: prev, next, last, first.
 */
export function paginate<T>(items: readonly T[], params: Record<string, unknown>, requestUrl: URL): Page<T> {
  const perPage = clamp(Number(params.per_page ?? DEFAULT_PER_PAGE), DEFAULT_PER_PAGE);
  const page = Math.max(1, Math.trunc(Number(params.page ?? 1)) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);

  const relations: Array<[string, number]> = [];
  if (page > 1) {
    relations.push(['prev', Math.min(page - 1, lastPage)]);
  }
  if (page < lastPage) {
    relations.push(['next', page + 1], ['last', lastPage]);
  }
  if (page > 1) {
    relations.push(['first', 1]);
  }
  if (relations.length === 0) {
    return { items: slice };
  }

  const link = relations.map(([relation, target]) => `<${pageUrl(requestUrl, target)}>; rel="${relation}"`).join(', ');
  return { items: slice, link };
}

function clamp(perPage: number, fallback: number): number {
  if (!Number.isFinite(perPage) || perPage < 1) {
    return fallback;
  }
  return Math.min(Math.trunc(perPage), MAX_PER_PAGE);
}

function pageUrl(requestUrl: URL, page: number): string {
  const url = new URL(requestUrl.href);
  url.searchParams.set('page', String(page));
  return url.href;
}
