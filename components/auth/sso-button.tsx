"use client";
import { KeyRound } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export type SsoOption = { providerId: string; name: string };

/** "Sign in with <provider>": off to the identity provider, back signed in at ?next= (or /sign-in with an error). */
export function SsoButton({ sso, label, variant, onError }: { sso: SsoOption; label: string; variant: "primary" | "secondary"; onError: (message: string) => void }) {
  const params = useSearchParams();
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    const next = safeRedirectPath(params.get("next"));
    const back = `/sign-in${params.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`;
    // better-auth answers with the provider's URL and the browser is sent there; we only return on failure.
    const result = await authClient.signIn.social({ provider: sso.providerId, callbackURL: next, errorCallbackURL: back });
    if (result.error) {
      setPending(false);
      onError(`${sso.name} cannot be reached right now. Try again in a minute.`);
    }
  }

  return (
    <Button type="button" variant={variant} className="w-full" pending={pending} onClick={start}>
      <KeyRound className="size-4" aria-hidden />
      {label}
    </Button>
  );
}
