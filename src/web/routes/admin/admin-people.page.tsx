import { getRouteApi } from "@tanstack/react-router";
import { DirectoryView } from "../people/directory-view.tsx";

const routeApi = getRouteApi("/app/admin/people");

/** The directory as administrators manage it: everyone, including deactivated people. */
export function AdminPeoplePage() {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();

  return (
    <DirectoryView
      title="Manage people"
      intro="Add people, export the directory, and open anyone's profile to edit, invite or deactivate them."
      search={search}
      defaultStatus="all"
      onSearchChange={(next) => void navigate({ search: next, replace: true })}
    />
  );
}
