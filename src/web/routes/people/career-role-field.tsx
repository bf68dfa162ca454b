import { useQuery } from "@tanstack/react-query";
import { careerPositionQuery } from "../../api/career.api.ts";
import { ProfileField } from "../../components/profile-field.tsx";
import { AnchorLink } from "../../components/router-links.tsx";

type RoleRef = { frameworkId: string; roleKey: string; title: string };

function RoleLink({ role }: { role: RoleRef }) {
  return (
    <AnchorLink
      to="/career/$frameworkId/roles/$roleKey"
      params={{ frameworkId: role.frameworkId, roleKey: role.roleKey }}
    >
      {role.title}
    </AnchorLink>
  );
}

/** The person's role in the career framework, linking to its page; the target role where shown. */
export function CareerRoleField({ personId }: { personId: string }) {
  const position = useQuery({ ...careerPositionQuery(personId), retry: false });
  const current = position.data?.currentRole ?? null;
  const target = position.data?.targetRole ?? null;
  if (!current && !target) return null;
  return (
    <>
      {current && (
        <ProfileField term="Career role">
          <RoleLink role={current} />
        </ProfileField>
      )}
      {target && (
        <ProfileField term="Target role">
          <RoleLink role={target} />
        </ProfileField>
      )}
    </>
  );
}
