"use client";
import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { authClient } from "@/lib/auth/client";
import { acceptInvitationAction } from "./actions";

export function AcceptButton({ token, launchName }: { token: string; launchName: string }) {
  const router = useRouter();
  const { run, pending } = useAction();
  return (
    <Button
      className="w-full"
      disabled={pending}
      onClick={() =>
        run(() => acceptInvitationAction({ token }), {
          success: `You joined ${launchName}`,
          onSuccess: (accepted) => router.replace(`/launches/${accepted.launchId}`),
        })
      }
    >
      {pending ? "Joining…" : "Accept and join"}
    </Button>
  );
}

/** Signed in with the wrong account: sign out and come back to this invitation. */
export function SwitchAccountButton({ next }: { next: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await authClient.signOut();
        router.replace(`/sign-in?next=${encodeURIComponent(next)}`);
        router.refresh();
      }}
    >
      <LogOut className="size-4" aria-hidden /> Sign in with another account
    </Button>
  );
}
