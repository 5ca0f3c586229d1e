import type { PublicSignatory } from "@/lib/appeals/get-public-appeal";

const SIGNATORIES_PER_PAGE = 1000;

interface Slice {
  items: PublicSignatory[];
  /** The number of the first item in its group, for `<ol start>`. */
  start: number;
}

export interface SignatoryListPage {
  page: number;
  pages: number;
  organisations: Slice;
  individuals: Slice;
}

/**
 * One page of the full list, organisations first and then individuals, as the letter prints
 * them; null for a page that does not exist (or a `?page=` that is not a number).
 */
export function signatoryListPage(
  { organisations, individuals }: { organisations: PublicSignatory[]; individuals: PublicSignatory[] },
  requested: string | string[] | undefined,
  perPage = SIGNATORIES_PER_PAGE,
): SignatoryListPage | null {
  const raw = Array.isArray(requested) ? requested[0] : requested;
  if (raw !== undefined && !/^[1-9]\d{0,6}$/.test(raw)) return null;
  const page = raw === undefined ? 1 : Number(raw);
  const pages = Math.max(1, Math.ceil((organisations.length + individuals.length) / perPage));
  if (page > pages) return null;
  const from = (page - 1) * perPage;
  const to = from + perPage;
  const slice = (items: PublicSignatory[], offset: number): Slice => {
    const start = Math.max(0, from - offset);
    return { items: items.slice(start, Math.max(start, to - offset)), start: start + 1 };
  };
  return { page, pages, organisations: slice(organisations, 0), individuals: slice(individuals, organisations.length) };
}
