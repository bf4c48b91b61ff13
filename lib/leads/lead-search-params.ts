// The Leads page's URL (?q=&status=&tag=&campaign=&importId=&field=&value=&page=) → a LeadFilter, shared by the page and the CSV export.
import { leadFilterSchema, type LeadFilter } from "./lead-filter";

export type LeadSearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Invalid values are dropped (with their message) rather than failing the page: a stale link still lists leads. */
export function parseLeadSearchParams(params: LeadSearchParams | URLSearchParams): {
  filter: LeadFilter;
  page: number;
  errors: Record<string, string[]>;
} {
  const get = (key: string) => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : first(params[key]));
  const fieldKey = get("field")?.trim();
  const raw = {
    q: get("q"),
    status: get("status"),
    tag: get("tag"),
    campaignId: get("campaign"),
    importId: get("importId"),
    field: fieldKey ? { key: fieldKey, value: get("value") ?? "" } : undefined,
  };
  const errors: Record<string, string[]> = {};
  const filter: LeadFilter = {};
  for (const key of Object.keys(raw) as (keyof typeof raw)[]) {
    const one = leadFilterSchema.shape[key].safeParse(raw[key]);
    if (!one.success) errors[key] = one.error.issues.map((i) => i.message);
    else if (one.data !== undefined) Object.assign(filter, { [key]: one.data });
  }
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(get("page"))) || 1));
  return { filter, page, errors };
}

/** The query string for a filter (and page), so links keep the current search. */
export function leadSearchQuery(filter: LeadFilter, page?: number): string {
  const p = new URLSearchParams();
  if (filter.q) p.set("q", filter.q);
  if (filter.status) p.set("status", filter.status);
  if (filter.tag) p.set("tag", filter.tag);
  if (filter.campaignId) p.set("campaign", filter.campaignId);
  if (filter.importId) p.set("importId", filter.importId);
  if (filter.field) {
    p.set("field", filter.field.key);
    p.set("value", filter.field.value);
  }
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
