import { createAuthClient } from "better-auth/react";

// Same-origin: the browser talks to /api/auth on whichever instance served the page.
export const authClient = createAuthClient();
