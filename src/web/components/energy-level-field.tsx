import { Text } from "@mantine/core";
import { useId } from "react";
import { energyLevelLabels, energyLevels } from "#core/growth-plan/energy.schemas.ts";
import classes from "./energy-level-field.module.css";

type EnergyLevelFieldProps = {
  value: number | null;
  onChange: (level: number) => void;
  error?: string | undefined;
  /** Compact: five smaller targets that fit a home card on the narrowest phone. */
  compact?: boolean;
};

/**
 * The energy level of a journal entry: five big radio targets, 1 (drained) to 5 (energized),
 * each with its number and its word. The first carries the form path `level`, where focus goes
 * when the level is missing.
 */
export function EnergyLevelField({
  value,
  onChange,
  error,
  compact = false,
}: EnergyLevelFieldProps) {
  const id = useId();
  return (
    <>
      <fieldset
        className={`${classes.levels} ${compact ? classes.compact : ""}`}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <legend className={classes.legend}>How is your energy right now?</legend>
        {energyLevels.map((level) => (
          <div className={classes.level} key={level}>
            <input
              type="radio"
              name={`${id}-level`}
              id={`${id}-${level}`}
              value={level}
              data-path={level === energyLevels[0] ? "level" : undefined}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <label htmlFor={`${id}-${level}`}>
              <strong>{level}</strong> <span>{energyLevelLabels[level]}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {error && (
        <Text id={`${id}-error`} size="sm" c="var(--mantine-color-error)">
          {error}
        </Text>
      )}
    </>
  );
}
