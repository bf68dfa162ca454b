import { DateInput, type DateInputProps } from "@mantine/dates";
import { formatCalendarDate, parseTypedDate } from "../format/dates.ts";

export type DateFieldProps = Omit<DateInputProps, "valueFormat" | "dateParser">;

/**
 * The app's one date picker. The value stays a calendar day (YYYY-MM-DD) as the API takes
 * it; the field shows it the way every page does ("May 30, 2027" in the reader's locale) and
 * reads back what a person types in either form.
 */
export function DateField(props: DateFieldProps) {
  return (
    <DateInput
      placeholder={formatCalendarDate("2027-05-30")}
      clearable={!props.required && !props.withAsterisk}
      // Named without the field's label, so that finding the field by its label finds only it.
      clearButtonProps={{ "aria-label": "Clear date" }}
      popoverProps={{ withinPortal: true }}
      {...props}
      valueFormat={(day) => formatCalendarDate(day)}
      dateParser={(text) => parseTypedDate(text)}
    />
  );
}
