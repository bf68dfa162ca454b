import { getRouteApi } from "@tanstack/react-router";
import { DirectoryView } from "./directory-view.tsx";

const routeApi = getRouteApi("/app/people");

export function DirectoryPage() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();

  return (
    <DirectoryView
      title="People"
      intro="Everyone in the organization. Search by name, email, job title or department."
      search={search}
      defaultStatus="active"
      onSearchChange={(next) => void navigate({ search: next, replace: true })}
    />
  );
}
