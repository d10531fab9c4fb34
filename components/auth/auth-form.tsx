"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { SsoButton, type SsoOption } from "./sso-button";

type Mode = "sign-in" | "sign-up";

function messageFor(error: { status?: number; message?: string; code?: string } | null, mode: Mode) {
  if (!error) return null;
  // Our own refusals (lib/auth/handler.ts, signup-policy.ts) carry a message written for the user.
  if (error.code === "ACCOUNT_LOCKED" || error.code === "ACCOUNT_DEACTIVATED" || error.code === "SIGN_UP_INVITE_ONLY" || error.code === "BODY_TOO_LARGE") return error.message ?? null;
  if (error.status === 429) return "Too many attempts from this network. Wait a minute, then try again.";
  if (error.code === "INVALID_EMAIL_OR_PASSWORD") return "That email and password do not match an account.";
  if (error.code === "USER_ALREADY_EXISTS" || error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")
    return "An account with this email exists already. Sign in instead.";
  if (error.code === "PASSWORD_TOO_SHORT") return "Use a password of at least 10 characters.";
  // Mail is configured and the address is not verified yet: better-auth has just mailed a new link.
  if (error.code === "EMAIL_NOT_VERIFIED")
    return "Verify your email address first. We have sent a new verification link to it: open it, and you are signed in.";
  return error.message || (mode === "sign-in" ? "Could not sign in. Try again." : "Could not create the account. Try again.");
}

/**
 * Sign-in or sign-up: single sign-on first when configured (`sso`), then email + password unless
 * LIFTOFF_PASSWORD_SIGNIN=off (`password`). `initialError`: why the last single sign-on failed.
 */
export function AuthForm({ mode, password = true, sso = null, initialError = null }: { mode: Mode; password?: boolean; sso?: SsoOption | null; initialError?: string | null }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(initialError);
  const [errorFrom, setErrorFrom] = useState<"sso" | "form">("sso");
  const [pending, setPending] = useState(false);
  // After a sign-up that needs the address verified first (mail configured): where the link was sent.
  const [verifyAt, setVerifyAt] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    setErrorFrom("form");
    // Only same-origin paths, so a crafted ?next= cannot send a user elsewhere after sign-in.
    const next = safeRedirectPath(params.get("next"));
    // callbackURL: where a verification link (mail configured) lands, signed in: back to this page's ?next=.
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email, password, callbackURL: next })
        : await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "").trim(), callbackURL: next });
    if (result.error) {
      setPending(false);
      setError(messageFor(result.error, mode));
      return;
    }
    if (mode === "sign-up" && !result.data?.token) {
      // No session yet: the address must be verified through the mailed link first.
      setPending(false);
      setVerifyAt(email);
      return;
    }
    router.replace(next);
    router.refresh();
  }

  if (verifyAt) {
    return (
      <Card className="space-y-3 p-6" role="status" data-testid="verify-email-sent">
        <h1 className="text-xl font-semibold">Check your inbox</h1>
        <p className="text-sm">
          We sent a verification link to <strong className="break-all">{verifyAt}</strong>. Open it to verify the address; you are then
          signed in and brought back here.
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No mail after a few minutes? Check your spam folder, or{" "}
          <Link className="font-medium text-accent-600 hover:underline dark:text-accent-400" href={`/sign-in${params.get("next") ? `?next=${encodeURIComponent(params.get("next") ?? "")}` : ""}`}>
            sign in
          </Link>{" "}
          to get a new link.
        </p>
      </Card>
    );
  }

  const errs = error ? [error] : undefined;
  const alert = (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-300">
      {error}
    </p>
  );
  // A failed single sign-on is told beside its button; a failed password beside the form.
  const ssoError = Boolean(error) && (errorFrom === "sso" || !password);
  return (
    <Card className="p-6">
      <h1 className="text-xl font-semibold">{mode === "sign-in" ? "Sign in" : "Create your account"}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {!password && sso
          ? `Use your ${sso.name} account. ${mode === "sign-in" ? "The first sign-in creates your Liftoff account." : "Signing in creates your Liftoff account."}`
          : mode === "sign-in"
            ? "Welcome back. Your launches are waiting."
            : "Join your team’s go-lives."}
      </p>
      {sso && (
        <div className="mt-6 space-y-4">
          <SsoButton
            sso={sso}
            label={`${mode === "sign-in" ? "Sign in" : "Continue"} with ${sso.name}`}
            variant={password ? "secondary" : "primary"}
            onError={(message) => {
              setErrorFrom("sso");
              setError(message);
            }}
          />
          {ssoError && alert}
          {password && (
            <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" aria-hidden />
              or with email
              <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" aria-hidden />
            </div>
          )}
        </div>
      )}
      {password && (
        <form onSubmit={onSubmit} className={sso ? "mt-4 space-y-4" : "mt-6 space-y-4"}>
          {mode === "sign-up" && (
            <Field id="name" label="Full name">
              <Input {...fieldAria("name")} name="name" autoComplete="name" required minLength={2} maxLength={80} />
            </Field>
          )}
          <Field id="email" label="Email">
            <Input {...fieldAria("email", ssoError ? undefined : errs)} name="email" type="email" autoComplete="email" required />
          </Field>
          <Field id="password" label="Password" hint={mode === "sign-up" ? "At least 10 characters." : undefined}>
            <Input
              {...fieldAria("password", ssoError ? undefined : errs)}
              name="password"
              type="password"
              autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
              required
              minLength={mode === "sign-up" ? 10 : 1}
            />
          </Field>
          {error && !ssoError && alert}
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
          </Button>
        </form>
      )}
      {mode === "sign-in" && password && (
        <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          New to Liftoff?{" "}
          <Link className="font-medium text-accent-600 hover:underline dark:text-accent-400" href="/sign-up">
            Create an account
          </Link>
        </p>
      )}
      {mode === "sign-up" && (
        <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
          Have an account?{" "}
          <Link className="font-medium text-accent-600 hover:underline dark:text-accent-400" href="/sign-in">
            Sign in
          </Link>
        </p>
      )}
    </Card>
  );
}
