import { Info } from "lucide-react";
import { connection } from "next/server";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { signInOptions } from "@/lib/auth/sso";
import { ssoErrorMessage } from "@/lib/auth/sso-errors";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  // Read at request time: `npm start` sets LIFTOFF_DEMO_HINT only when it seeded the demo.
  await connection();
  const { password, sso } = signInOptions();
  const demo = process.env.LIFTOFF_DEMO_HINT === "1" && password;
  // ?error= is where a failed single sign-on comes back (lib/auth/sso-errors.ts).
  const { error } = await searchParams;
  const initialError = sso ? ssoErrorMessage(typeof error === "string" ? error : undefined, sso.name) : null;
  return (
    <div className="space-y-4">
      <Suspense>
        <AuthForm mode="sign-in" password={password} sso={sso} initialError={initialError} />
      </Suspense>
      {demo && (
        <p className="flex gap-2 rounded-lg bg-accent-50 px-4 py-3 text-sm text-accent-900 ring-1 ring-accent-300/50 dark:bg-accent-950 dark:text-accent-100 dark:ring-accent-700/50">
          <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Demo: sign in as <strong>manager@liftoff.demo</strong> with <strong>liftoff-demo</strong>. Also engineer@, approver@
            and viewer@liftoff.demo, same password.
          </span>
        </p>
      )}
    </div>
  );
}
