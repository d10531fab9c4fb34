// Seeds the demo launch and users once; a second run is a no-op.
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "../lib/seed";

const result = await seedDemo();
console.log(result.created ? `Seeded the demo launch (${DEMO_USERS[0].email} / ${DEMO_PASSWORD}).` : "Demo already seeded.");
