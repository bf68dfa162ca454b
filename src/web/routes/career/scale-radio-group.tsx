import { Group, Radio, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Competency, RatingScale } from "#core/career/framework.schemas.ts";
import classes from "./career.module.css";

interface ScaleRadioGroupProps {
  label: string;
  scale: RatingScale;
  competency: Competency;
  /** The role's expected level, marked in words on its point. */
  expected?: number | null;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: ReactNode;
  /** The form path, so a message about it can move focus here. */
  path: string;
}

/** A rating on the framework's scale, each point with what it looks like for the competency. */
export function ScaleRadioGroup({
  label,
  scale,
  competency,
  expected = null,
  value,
  onChange,
  error,
  path,
}: ScaleRadioGroupProps) {
  return (
    <Radio.Group
      label={label}
      value={value === null ? "" : String(value)}
      onChange={(chosen) => onChange(chosen === "" ? null : Number(chosen))}
      error={error}
      data-path={path}
    >
      <Stack gap={6} mt={6}>
        {scale.map((point) => {
          const descriptor = competency.descriptors[point.value - 1];
          return (
            <Radio.Card
              key={point.value}
              value={String(point.value)}
              className={classes.ratingOption}
              data-checked={value === point.value || undefined}
              radius="md"
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {point.value} · {point.label}
                    {expected === point.value ? " (expected for this role)" : ""}
                  </Text>
                  {descriptor && (
                    <Text size="sm" className={classes.descriptor}>
                      {descriptor}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Radio.Card>
          );
        })}
        <Radio.Card
          value=""
          className={classes.ratingOption}
          data-checked={value === null || undefined}
          radius="md"
        >
          <Group wrap="nowrap" gap="sm">
            <Radio.Indicator />
            <Text size="sm">Not rated</Text>
          </Group>
        </Radio.Card>
      </Stack>
    </Radio.Group>
  );
}
