import { Anchor, type AnchorProps, Button, type ButtonProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

// Mantine's `component={Link}` loses the router's types for path parameters; these keep them.

type MantineAnchorProps = Omit<AnchorProps, "href"> & ComponentPropsWithRef<"a">;

function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor {...props} />;
}

const CreatedAnchorLink = createLink(MantineAnchor);

/** A Mantine Anchor that is a router link: `<AnchorLink to="/people/$id" params={{ id }}>`. */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink {...props} />
);

type MantineButtonProps = Omit<ButtonProps, "href"> & Omit<ComponentPropsWithRef<"a">, "color">;

function MantineButtonAnchor(props: MantineButtonProps) {
  return <Button component="a" {...props} />;
}

const CreatedButtonLink = createLink(MantineButtonAnchor);

/** A Mantine Button that is a router link. */
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink {...props} />
);
