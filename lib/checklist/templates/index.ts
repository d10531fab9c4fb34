import { appStoreRelease } from "./app-store-release";
import type { BuiltinTemplate } from "./content";
import { dcMaintenance } from "./dc-maintenance";
import { phasedMigration } from "./phased-migration";
import { sreLaunchReview } from "./sre-launch-review";
import { webGoLive } from "./web-go-live";

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [webGoLive, dcMaintenance, appStoreRelease, phasedMigration, sreLaunchReview];
export { webGoLive };
