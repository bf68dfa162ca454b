let platformZones: string[] | undefined;

/**
 * The IANA time zones this browser knows, for a searchable list. A zone saved earlier but
 * unknown here is kept, so opening a form never silently clears it.
 */
export function timeZoneOptions(current: string | null): string[] {
  platformZones ??= withUtc(Intl.supportedValuesOf("timeZone"));
  if (current && !platformZones.includes(current)) return [current, ...platformZones];
  return platformZones;
}

function withUtc(zones: string[]): string[] {
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}
