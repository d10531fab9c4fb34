/** The <option>s of an IANA time zone <select>, underscores shown as spaces. */
export function TimeZoneOptions({ zones }: { zones: string[] }) {
  return zones.map((z) => (
    <option key={z} value={z}>
      {z.replace(/_/g, " ")}
    </option>
  ));
}
