import { Group, Stack, Text } from "@mantine/core";
import type { GapAnalysis } from "#core/career/assessments.schemas.ts";
import classes from "./career.module.css";
import { formatRating, type GapSeriesKey, gapChartData } from "./gap-chart.ts";

const barHeight = 14;
const barGap = 3;
const groupGap = 16;
const labelWidth = 150;
const barsWidth = 280;
const valueWidth = 40;

/** Each source has a fill pattern and a letter as well as a colour (WCAG 1.4.1). */
const seriesStyle: Record<GapSeriesKey, { fill: string; letter: string }> = {
  expected: { fill: "url(#gap-expected)", letter: "E" },
  self: { fill: "var(--mantine-color-blue-filled)", letter: "Y" },
  manager: { fill: "url(#gap-manager)", letter: "M" },
  peers: { fill: "url(#gap-peers)", letter: "P" },
};

/** Bars per competency: expected, self, manager and peers; the table beside it has the numbers. */
export function GapChart({
  analysis,
  scaleLength,
}: {
  analysis: GapAnalysis;
  scaleLength: number;
}) {
  const { series, groups } = gapChartData(analysis);
  const groupHeight = series.length * (barHeight + barGap) - barGap;
  const height = groups.length * (groupHeight + groupGap) + 24;
  const width = labelWidth + barsWidth + valueWidth;
  const levels = Array.from({ length: scaleLength + 1 }, (_, level) => level);
  const x = (value: number) => (Math.min(value, scaleLength) / scaleLength) * barsWidth;

  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Bar chart of expected and given ratings for ${groups.length} competencies; the table has the same numbers.`}
      >
        <defs>
          <pattern id="gap-expected" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="var(--mantine-color-gray-light)" />
          </pattern>
          <pattern
            id="gap-manager"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="var(--mantine-color-orange-light)" />
            <rect width="3" height="6" fill="var(--mantine-color-orange-filled)" />
          </pattern>
          <pattern id="gap-peers" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="var(--mantine-color-teal-light)" />
            <circle cx="3" cy="3" r="1.6" fill="var(--mantine-color-teal-filled)" />
          </pattern>
        </defs>
        {levels.map((level) => (
          <g key={level}>
            <line
              className={classes.chartAxis}
              x1={labelWidth + x(level)}
              x2={labelWidth + x(level)}
              y1={0}
              y2={height - 20}
            />
            <text
              className={classes.chartLabel}
              x={labelWidth + x(level)}
              y={height - 6}
              textAnchor="middle"
            >
              {level}
            </text>
          </g>
        ))}
        {groups.map((group, groupIndex) => {
          const top = groupIndex * (groupHeight + groupGap) + 4;
          return (
            <g key={group.key}>
              <text
                className={classes.chartLabel}
                x={labelWidth - 8}
                y={top + groupHeight / 2 + 4}
                textAnchor="end"
              >
                {group.name.length > 22 ? `${group.name.slice(0, 21)}…` : group.name}
              </text>
              {group.bars.map((bar, barIndex) => {
                const y = top + barIndex * (barHeight + barGap);
                const style = seriesStyle[bar.series];
                return (
                  <g key={bar.series}>
                    {bar.value !== null && (
                      <rect
                        className={classes.chartBar}
                        x={labelWidth}
                        y={y}
                        width={Math.max(x(bar.value), 1)}
                        height={barHeight}
                        fill={style.fill}
                      />
                    )}
                    <text
                      className={classes.chartLabel}
                      x={labelWidth + x(bar.value ?? 0) + 4}
                      y={y + barHeight - 3}
                    >
                      {style.letter} {formatRating(bar.value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <Group
        gap="md"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: "none" }}
        aria-label="Chart key"
      >
        {series.map((entry) => (
          <Group key={entry.key} component="li" gap={6} wrap="nowrap">
            <svg width="18" height="12" aria-hidden viewBox="0 0 18 12">
              <rect
                className={classes.chartBar}
                width="18"
                height="12"
                fill={seriesStyle[entry.key].fill}
              />
            </svg>
            <Text size="sm">
              {seriesStyle[entry.key].letter}: {entry.label}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
