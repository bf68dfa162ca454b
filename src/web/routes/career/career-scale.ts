import type { RatingScale } from "#core/career/framework.schemas.ts";

/** "3 · Proficient": a level with its label, the way every career page names it. */
export function scaleText(scale: RatingScale, value: number | null): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  const point = scale.find((entry) => entry.value === value);
  return point ? `${value} · ${point.label}` : String(rounded);
}
