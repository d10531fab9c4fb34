import "server-only";
// Importing a capability's demo module registers its part of the demo (see extendDemo).
import "./demo-windows";
import "./demo-checklist";
import "./demo-signoffs";
export { seedDemo, isDemoSeeded, DEMO_PASSWORD, DEMO_USERS, DEMO_LAUNCH_NAME } from "./demo";
