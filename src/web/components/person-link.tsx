import type { ReactNode } from "react";
import { AnchorLink } from "./router-links.tsx";

/** The one way to link to someone's profile. */
export function PersonLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <AnchorLink to="/people/$id" params={{ id }} fw={500}>
      {children}
    </AnchorLink>
  );
}
