import { Table, Text } from "@mantine/core";
import type { BenefitRequestSummary } from "#core/benefits.schemas.ts";
import { formatMoney } from "#core/benefits-money.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { formatCalendarDate } from "../../format/dates.ts";
import { statusLabels } from "./benefit-forms.ts";

/** Requests as a table that scrolls sideways on a phone instead of widening the page. */
export function RequestTable({
  items,
  caption,
  showRequester = false,
}: {
  items: readonly BenefitRequestSummary[];
  caption: string;
  showRequester?: boolean;
}) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table fz="sm" striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            {showRequester && <Table.Th scope="col">Requested by</Table.Th>}
            <Table.Th scope="col">Cost</Table.Th>
            <Table.Th scope="col">Starts</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <AnchorLink
                  to="/learning/benefit/requests/$requestId"
                  params={{ requestId: item.id }}
                >
                  {item.title}
                </AnchorLink>
              </Table.Td>
              {showRequester && <Table.Td>{item.requester.name}</Table.Td>}
              <Table.Td>{formatMoney(item.costMinor, item.currency)}</Table.Td>
              <Table.Td>{formatCalendarDate(item.startsOn)}</Table.Td>
              <Table.Td>{statusLabels[item.status]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
