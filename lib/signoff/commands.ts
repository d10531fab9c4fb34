import "server-only";
// Registers the stale-marking reaction to gate changes wherever sign-off commands are loaded.

// The sign-off capability's commands, all through the one write path (lib/server/command.ts).
export { createGroup, updateGroup, deleteGroup } from "./group-commands";
export { decide, withdraw, type DecideResult } from "./decision-commands";
export { recordGoDecision, transitionLaunch } from "./go-decision";
