"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";

type Mode = "sign-in" | "sign-up";

function messageFor(error: { status?: number; message?: string; code?: string } | null, mode: Mode) {
  if (!error) return null;
  if (error.status === 429) return "Too many attempts from this network. Wait a minute, then try again.";
  if (error.code === "INVALID_EMAIL_OR_PASSWORD") return "That email and password do not match an account.";
  if (error.code === "USER_ALREADY_EXISTS" || error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")
    return "An account with this email exists already. Sign in instead.";
  if (error.code === "PASSWORD_TOO_SHORT") return "Use a password of at least 10 characters.";
  return error.message || (mode === "sign-in" ? "Could not sign in. Try again." : "Could not create the account. Try again.");
}

/** Only same-site paths, so a crafted ?next= cannot send a user elsewhere after sign-in. */
function safeNext(next: string | null) {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "").trim() });
    if (result.error) {
      setPending(false);
      setError(messageFor(result.error, mode));
      return;
    }
    router.replace(safeNext(params.get("next")));
    router.refresh();
  }

  const errs = error ? [error] : undefined;
  return (
    <Card className="p-6">
      <h1 className="text-xl font-semibold">{mode === "sign-in" ? "Sign in" : "Create your account"}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {mode === "sign-in" ? "Welcome back. Your launches are waiting." : "Join your team’s go-lives."}
      </p>
      <form onSubmit={onSubmit} className="mt-6 space-y-4">
        {mode === "sign-up" && (
          <Field id="name" label="Full name">
            <Input {...fieldAria("name")} name="name" autoComplete="name" required minLength={2} maxLength={80} />
          </Field>
        )}
        <Field id="email" label="Email">
          <Input {...fieldAria("email", errs)} name="email" type="email" autoComplete="email" required />
        </Field>
        <Field id="password" label="Password" hint={mode === "sign-up" ? "At least 10 characters." : undefined}>
          <Input
            {...fieldAria("password", errs)}
            name="password"
            type="password"
            autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
            required
            minLength={mode === "sign-up" ? 10 : 1}
          />
        </Field>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-300">
            {error}
          </p>
        )}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {mode === "sign-in" ? (
          <>
            New to Liftoff?{" "}
            <Link className="font-medium text-accent-600 hover:underline dark:text-accent-400" href="/sign-up">
              Create an account
            </Link>
          </>
        ) : (
          <>
            Have an account?{" "}
            <Link className="font-medium text-accent-600 hover:underline dark:text-accent-400" href="/sign-in">
              Sign in
            </Link>
          </>
        )}
      </p>
    </Card>
  );
}
