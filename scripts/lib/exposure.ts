// What a started instance exposes, decided from its settings alone (pure, unit-tested): where it listens
// and whether the demo (whose password is printed on the sign-in page) is seeded.

/** Local by default; HOST=0.0.0.0 (or an address) serves a network. "localhost" means both loopbacks. */
export function listenHost(hostSetting: string | undefined): string {
  return hostSetting?.trim() || "localhost";
}

export function listenAddresses(host: string): string[] {
  return host === "localhost" ? ["127.0.0.1", "::1"] : [host];
}

/**
 * The demo is for a local machine: seeded by default only on the embedded database outside production.
 * LIFTOFF_SEED_DEMO=1 or 0 decides explicitly.
 */
export function seedsDemo(opts: { setting: string | undefined; embedded: boolean; production: boolean }): boolean {
  return (opts.setting ?? (opts.embedded && !opts.production ? "1" : "0")) === "1";
}
