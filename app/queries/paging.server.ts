/** The page figures of a paginated list: its total, the page shown and how many pages there are. */
export function pageOf(total: number, page: number, pageSize: number) {
  return { total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
