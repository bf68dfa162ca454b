import { NavLink, Stack } from "@mantine/core";
import { IconHome } from "@tabler/icons-react";
import { Link, useLocation } from "@tanstack/react-router";

// Only areas that exist are listed; each new area adds its link here.
const areas = [{ to: "/", label: "Home", icon: IconHome }] as const;

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const pathname = useLocation({ select: (location) => location.pathname });

  return (
    <Stack gap={4}>
      {areas.map((area) => (
        <NavLink
          key={area.to}
          component={Link}
          to={area.to}
          activeOptions={{ exact: area.to === "/" }}
          label={area.label}
          leftSection={<area.icon size={18} aria-hidden />}
          active={area.to === "/" ? pathname === "/" : pathname.startsWith(area.to)}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}
