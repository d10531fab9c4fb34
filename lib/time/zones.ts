// IANA time zones, checked against the runtime's own tz database and stored under their canonical names.
// The runtime's list (Intl, from CLDR) still uses some retired names (Asia/Calcutta, Europe/Kiev): those
// are mapped to the names IANA uses today, so lists offer and the database stores only current names.

export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** CLDR's legacy ids -> the IANA canonical name (renames, and zones IANA merged into another). */
const CURRENT_NAME: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/**
 * Abbreviations people type. The tz database's own EST/MST/HST are fixed offsets without daylight saving
 * (EST resolves to America/Panama), which is not what someone typing "EST" means: they get the region.
 */
const ABBREVIATIONS: Record<string, string> = {
  UTC: "UTC", GMT: "UTC", Z: "UTC", ZULU: "UTC", UCT: "UTC", UNIVERSAL: "UTC", "ETC/UTC": "UTC", "ETC/GMT": "UTC",
  EST: "America/New_York", EDT: "America/New_York",
  CST: "America/Chicago", CDT: "America/Chicago",
  MST: "America/Denver", MDT: "America/Denver",
  PST: "America/Los_Angeles", PDT: "America/Los_Angeles",
};

/**
 * The canonical IANA name of a typed zone, or null when it is none: "utc" -> "UTC", "Europe/LONDON" ->
 * "Europe/London", "US/Eastern" -> "America/New_York", "Asia/Calcutta" -> "Asia/Kolkata", "EST" ->
 * "America/New_York". Case and surrounding spaces do not matter.
 */
export function canonicalZone(input: string): string | null {
  const typed = input.trim();
  if (!typed || typed.length > 64) return null;
  const abbreviation = ABBREVIATIONS[typed.toUpperCase()];
  if (abbreviation) return abbreviation;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (resolved === "Etc/UTC" || resolved === "Etc/GMT" || resolved === "GMT") return "UTC";
  return CURRENT_NAME[resolved] ?? resolved;
}

let zones: string[] | undefined;
/** Every zone a list should offer: canonical names only, UTC first, then alphabetical. */
export function allTimeZones(): string[] {
  zones ??= [
    "UTC",
    ...[...new Set(Intl.supportedValuesOf("timeZone").map((z) => CURRENT_NAME[z] ?? z))]
      .filter((z) => z.includes("/") && !z.startsWith("Etc/"))
      .sort(),
  ];
  return zones;
}

/** "New York (America/New_York)", "Buenos Aires (America/Argentina/Buenos_Aires)", "UTC". */
export function zoneLabel(zone: string): string {
  if (!zone.includes("/")) return zone;
  const city = zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
  return `${city} (${zone})`;
}

/** "GMT+1", "BST", "EST": the short name of `zone` at `at`, as people read it beside a time. */
const abbreviators = new Map<string, Intl.DateTimeFormat>();
export function zoneAbbreviation(zone: string, at: Date, locale = "en-GB"): string {
  const key = `${locale}|${zone}`;
  let f = abbreviators.get(key);
  if (!f) abbreviators.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })));
  const part = f
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

const LETTERS = /^[A-Z]{2,5}$/;
// Each English-speaking region's ICU data knows its own zones' letters (en-AU: AEDT, en-IN: IST...).
const LOCALES = ["en-GB", "en-IE", "en-US", "en-AU", "en-NZ", "en-IN", "en-SG", "en-ZA", "ja-JP"];
/**
 * How a zone reads beside a time: its lettered abbreviation where one exists ("BST", "CET", "EST",
 * "AEDT", "IST", "UTC"), otherwise its IANA name ("Asia/Shanghai"), never a bare offset like "GMT-5".
 */
export function zoneShortName(zone: string, at: Date): string {
  for (const locale of LOCALES) {
    const name = zoneAbbreviation(zone, at, locale);
    if (LETTERS.test(name)) return name;
  }
  return canonicalZone(zone) ?? zone;
}
