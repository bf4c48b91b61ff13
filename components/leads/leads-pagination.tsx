import { Pagination, PaginationContent, PaginationItem, PaginationNext, PaginationPrevious } from "@/components/ui/pagination";
import { LEADS_PAGE_SIZE } from "@/lib/leads/list-leads";
import type { LeadFilter } from "@/lib/leads/lead-filter";
import { leadSearchQuery } from "@/lib/leads/lead-search-params";

export function LeadsPagination({ filter, page, pages, total }: { filter: LeadFilter; page: number; pages: number; total: number }) {
  const from = total === 0 ? 0 : (page - 1) * LEADS_PAGE_SIZE + 1;
  const to = Math.min(total, page * LEADS_PAGE_SIZE);
  return (
    <div className="flex flex-col items-center justify-between gap-2 text-sm sm:flex-row">
      <span className="text-muted-foreground" data-testid="leads-count">{from}–{to} of {total} leads · page {page} of {pages}</span>
      {pages > 1 ? (
        <Pagination className="mx-0 w-auto">
          <PaginationContent>
            {page > 1 ? <PaginationItem><PaginationPrevious href={leadSearchQuery(filter, page - 1) || "?"} /></PaginationItem> : null}
            {page < pages ? <PaginationItem><PaginationNext href={leadSearchQuery(filter, page + 1)} /></PaginationItem> : null}
          </PaginationContent>
        </Pagination>
      ) : null}
    </div>
  );
}
