import { Center, Pagination } from "@mantine/core";

const controlLabels = {
  first: "First page",
  last: "Last page",
  next: "Next page",
  previous: "Previous page",
} as const;

/** The page picker under a list, with named buttons; nothing when everything fits one page. */
export function ListPagination({
  pageCount,
  page,
  onPageChange,
}: {
  pageCount: number;
  page: number;
  onPageChange: (page: number) => void;
}) {
  if (pageCount <= 1) return null;
  return (
    <Center>
      <Pagination
        total={pageCount}
        value={page}
        onChange={onPageChange}
        getItemProps={(item) => ({ "aria-label": `Page ${item}` })}
        getControlProps={(control) => ({ "aria-label": controlLabels[control] })}
      />
    </Center>
  );
}
