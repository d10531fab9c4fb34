"use client";
import { useState } from "react";
import { Select } from "@/components/ui/field";
import { TimeZoneOptions } from "@/components/ui/time-zone-options";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { canonicalZone } from "@/lib/time/zones";

/**
 * The zone "From" and "To" are read in: the search's own (from the URL) or else the admin's browser zone.
 * The server renders UTC until the browser's zone is known (useViewerZone), so hydration never mismatches.
 */
export function AuditZoneSelect({ id, initial, zones, describedBy }: { id: string; initial?: string; zones: string[]; describedBy?: string }) {
  const viewer = canonicalZone(useViewerZone()) ?? "UTC";
  const [chosen, setChosen] = useState<string | null>(null);
  const value = chosen ?? initial ?? viewer;
  return (
    <Select id={id} name="tz" value={value} onChange={(e) => setChosen(e.target.value)} aria-describedby={describedBy}>
      {!zones.includes(value) && <option value={value}>{value}</option>}
      <TimeZoneOptions zones={zones} />
    </Select>
  );
}
