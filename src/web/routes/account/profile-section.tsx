import { Badge, SimpleGrid } from "@mantine/core";
import { ProfileField } from "../../components/profile-field.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useCurrentUser } from "../../session/use-current-user.ts";

const roleLabels = { admin: "Administrator", member: "Member" } as const;

export function ProfileSection() {
  const user = useCurrentUser();

  return (
    <TitledSection title="Profile">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="md" m={0}>
        <ProfileField term="Name">{user.name}</ProfileField>
        <ProfileField term="Email">{user.email}</ProfileField>
        <ProfileField term="Role">
          <Badge variant="light" size="lg" radius="sm" tt="none">
            {roleLabels[user.role]}
          </Badge>
        </ProfileField>
      </SimpleGrid>
    </TitledSection>
  );
}
