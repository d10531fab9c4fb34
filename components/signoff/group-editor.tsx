"use client";
import Link from "next/link";
import { useState } from "react";
import { createGroupAction, updateGroupAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import type { ApproverCandidate, GroupView } from "@/lib/signoff/dto";
import { RULE_OPTIONS } from "@/lib/signoff/rule-label";
import type { SignoffRule } from "@/lib/signoff/rules";
import { useAction } from "@/components/ui/use-action";
import type { GroupConflict } from "@/lib/signoff/group-commands";

type Props = { launchId: string; candidates: ApproverCandidate[]; group?: GroupView; onDone?: () => void };

/** Create or edit a group: name, rule and approvers, chosen among members holding the Approver role. */
export function GroupEditor({ launchId, candidates, group, onDone }: Props) {
  const { run, pending, errors } = useAction();
  // The version the user started from; after a conflict, the one they have now been shown.
  const [version, setVersion] = useState(group?.version ?? 1);
  const [conflict, setConflict] = useState<GroupConflict | null>(null);
  const [rule, setRule] = useState<SignoffRule>(group?.rule ?? "ANY");
  const [selected, setSelected] = useState<Set<string>>(new Set(group?.approvers.map((a) => a.userId) ?? []));
  const id = group ? `edit-${group.id}` : "new-group";
  // A group may name someone who has since lost the Approver role: keep them visible so they can be removed.
  const options = [...candidates, ...(group?.approvers ?? []).filter((a) => !candidates.some((c) => c.userId === a.userId)).map((a) => ({ ...a, email: "no longer an approver" }))];

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      launchId,
      name: String(form.get("name") ?? ""),
      rule,
      requiredCount: rule === "N_OF_M" ? Number(form.get("requiredCount") || 0) : null,
      approverIds: [...selected],
    };
    const formEl = event.currentTarget;
    if (group) {
      run(() => updateGroupAction({ ...input, groupId: group.id, version }), {
        success: `Saved “${input.name}”`,
        showsFieldErrors: true,
        refresh: true,
        onSuccess: () => onDone?.(),
        onError: (failure) => {
          if (failure.code !== "CONFLICT" || !failure.current) return false;
          // Keep the user's choices; show what is saved now and who saved it.
          const current = failure.current as GroupConflict;
          setConflict(current);
          setVersion(current.version);
          return true;
        },
      });
    } else {
      run(() => createGroupAction(input), {
        success: `Added the group “${input.name}”`,
        showsFieldErrors: true,
        refresh: true,
        onSuccess: () => { formEl.reset(); setSelected(new Set()); setRule("ANY"); onDone?.(); },
      });
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 p-4" aria-label={group ? `Edit ${group.name}` : "New sign-off group"}>
      {conflict && (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
          <p className="font-medium">{conflict.updatedByName ?? "Someone"} changed this group while you were editing it. Your choices are kept below and were not saved.</p>
          <p className="mt-1">
            Now: <strong>{conflict.name}</strong>, {RULE_OPTIONS.find((o) => o.value === conflict.rule)?.label ?? conflict.rule}
            {conflict.rule === "N_OF_M" ? ` (${conflict.requiredCount} needed)` : ""}, approvers: {conflict.approvers.map((a) => a.name).join(", ") || "none"}.
            Save again to replace theirs with yours, or cancel to keep theirs.
          </p>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-[1fr_14rem_8rem]">
        <Field id={`${id}-name`} label="Group name" errors={errors.name}>
          <Input {...fieldAria(`${id}-name`, errors.name)} name="name" required defaultValue={group?.name} placeholder="QA, Security, Business owner…" />
        </Field>
        <Field id={`${id}-rule`} label="Rule" errors={errors.rule}>
          <Select {...fieldAria(`${id}-rule`, errors.rule)} value={rule} onChange={(e) => setRule(e.target.value as SignoffRule)}>
            {RULE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        </Field>
        {rule === "N_OF_M" && (
          <Field id={`${id}-n`} label="Approvals needed" errors={errors.requiredCount}>
            <Input {...fieldAria(`${id}-n`, errors.requiredCount)} name="requiredCount" type="number" min={1} max={Math.max(1, selected.size)} defaultValue={group?.requiredCount ?? 1} />
          </Field>
        )}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Approvers</legend>
        {options.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            No member holds the Approver role yet. <Link href={`/launches/${launchId}/members`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">Add approvers on the Members page</Link>.
          </p>
        ) : (
          <div className="mt-1.5 flex flex-wrap gap-2">
            {options.map((c) => (
              <label key={c.userId} className="flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-zinc-300 has-[:checked]:bg-accent-50 has-[:checked]:ring-accent-500 dark:ring-zinc-700 dark:has-[:checked]:bg-accent-950">
                <input
                  type="checkbox"
                  checked={selected.has(c.userId)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(c.userId);
                    else next.delete(c.userId);
                    setSelected(next);
                  }}
                />
                <span className="flex flex-col leading-tight">
                  <span>{c.name}</span>
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">{c.email}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.approverIds?.map((e) => <p key={e} role="alert" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">{e}</p>)}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>{group ? "Save group" : "Add group"}</Button>
        {onDone && group && <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>}
      </div>
    </form>
  );
}
