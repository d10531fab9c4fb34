import { execFileSync } from "node:child_process";

/**
 * Makes an account an instance admin the way an operator does: `npm run admin:grant -- <email>`
 * (scripts/admin-grant.ts, through the write path with an audit event), against the e2e database.
 */
export function grantAdmin(email: string) {
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-grant.ts", email], {
    env: { ...process.env },
    stdio: "pipe",
    timeout: 60_000,
  });
}
