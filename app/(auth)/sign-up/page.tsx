import { connection } from "next/server";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { signInOptions } from "@/lib/auth/sso";

export const metadata = { title: "Create account" };

export default async function SignUpPage() {
  // Read at request time: the sign-in settings come from the server's environment.
  await connection();
  const { password, sso } = signInOptions();
  return (
    <Suspense>
      <AuthForm mode="sign-up" password={password} sso={sso} />
    </Suspense>
  );
}
