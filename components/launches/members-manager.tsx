"use client";
import { Trash2, UserPlus, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";
import { ROLE_HELP, ROLE_LABEL, ROLES, type Role } from "@/lib/domain/roles";
import type { MemberRow } from "@/lib/launches/queries";

type Props = { launchId: string; members: MemberRow[]; currentUserId: string; canManage: boolean };

export function MembersManager({ launchId, members, currentUserId, canManage }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});

  function run(promise: () => Promise<{ ok: boolean; error?: string; fieldErrors?: FieldErrors }>, success: string, form?: HTMLFormElement) {
    startTransition(async () => {
      const result = await promise();
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
        return;
      }
      setErrors({});
      form?.reset();
      toast.success(success);
      router.refresh();
    });
  }

  function onAdd(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const email = String(form.get("email") ?? "");
    const role = String(form.get("role") ?? "") as Role;
    run(() => addMemberAction({ launchId, email, role }), `Added ${email} as ${ROLE_LABEL[role]?.toLowerCase() ?? role}`, formEl);
  }

  return (
    <div className="space-y-5">
      {canManage && (
        <Card aria-labelledby="add-member">
          <CardHeader id="add-member" title="Add a member" description="They need a Liftoff account; their role decides what they can do here." />
          <form onSubmit={onAdd} className="grid gap-3 p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
            <Field id="member-email" label="Email" errors={errors.email}>
              <Input {...fieldAria("member-email", errors.email)} name="email" type="email" required placeholder="name@company.com" />
            </Field>
            <Field id="member-role" label="Role" errors={errors.role}>
              <Select {...fieldAria("member-role", errors.role)} name="role" defaultValue="ENGINEER">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" disabled={pending}>
              <UserPlus className="size-4" aria-hidden /> Add member
            </Button>
          </form>
        </Card>
      )}
      <Card aria-labelledby="members-title">
        <CardHeader
          id="members-title"
          title="Members"
          description={canManage ? "Change a role or remove someone. A launch always keeps at least one manager." : "Only managers can change the team."}
        />
        {members.length === 0 ? (
          <EmptyState icon={<Users className="size-8" />} title="No members" />
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Members">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="member-row">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium">
                    {m.name} {m.userId === currentUserId && <span className="text-zinc-500">(you)</span>}
                  </p>
                  <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{m.email}</p>
                </div>
                {canManage ? (
                  <div className="flex items-center gap-1">
                    <label className="sr-only" htmlFor={`role-${m.id}`}>
                      Role of {m.name}
                    </label>
                    <Select
                      id={`role-${m.id}`}
                      className="w-36!"
                      value={m.role}
                      disabled={pending}
                      onChange={(e) => {
                        const role = e.target.value as Role;
                        run(() => changeMemberRoleAction({ launchId, memberId: m.id, role }), `${m.name} is now ${ROLE_LABEL[role].toLowerCase()}`);
                      }}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </Select>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${m.name}`}
                      disabled={pending}
                      onClick={() => {
                        if (!window.confirm(`Remove ${m.name} from this launch? They lose access at once.`)) return;
                        run(() => removeMemberAction({ launchId, memberId: m.id }), `Removed ${m.name}`);
                      }}
                    >
                      <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                    </Button>
                  </div>
                ) : (
                  <Badge tone={m.role === "MANAGER" ? "accent" : "grey"}>
                    <span title={ROLE_HELP[m.role]}>{ROLE_LABEL[m.role]}</span>
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
