"use client";
import { setUserAdminAction, setUserDeactivatedAction } from "@/app/(app)/admin/users/actions";
import { ConfirmButton } from "@/components/runbook/confirm-button";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** Make or remove admin, deactivate (asks once more) or reactivate: one account's buttons. */
export function UserControls({ user, self }: { user: { id: string; email: string; isAdmin: boolean; deactivated: boolean }; self: boolean }) {
  const admin = useAction();
  const active = useAction();
  const busy = admin.pending || active.pending;
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={busy}
        pending={admin.pending}
        aria-label={`${user.isAdmin ? "Remove admin from" : "Make admin:"} ${user.email}`}
        onClick={() =>
          admin.run(() => setUserAdminAction({ userId: user.id, isAdmin: !user.isAdmin }), {
            success: user.isAdmin ? `${user.email} is no longer an admin` : `${user.email} is now an admin`,
            refresh: true,
          })
        }
      >
        {user.isAdmin ? "Remove admin" : "Make admin"}
      </Button>
      {user.deactivated ? (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={busy}
          pending={active.pending}
          aria-label={`Reactivate ${user.email}`}
          onClick={() => active.run(() => setUserDeactivatedAction({ userId: user.id, deactivated: false }), { success: `${user.email} can sign in again`, refresh: true })}
        >
          Reactivate
        </Button>
      ) : self ? null : (
        <ConfirmButton
          type="button"
          size="sm"
          disabled={busy}
          pending={active.pending}
          aria-label={`Deactivate ${user.email}`}
          confirmLabel="Confirm: sign out and deactivate"
          onConfirm={() =>
            active.run(() => setUserDeactivatedAction({ userId: user.id, deactivated: true }), {
              success: `${user.email} is deactivated: signed out, API tokens revoked`,
              refresh: true,
            })
          }
        >
          Deactivate
        </ConfirmButton>
      )}
    </div>
  );
}
