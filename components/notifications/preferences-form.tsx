"use client";
import { Loader2 } from "lucide-react";
import { useState } from "react";
import { setNotificationPreferenceAction } from "@/app/(app)/settings/notifications/actions";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useAction } from "@/components/ui/use-action";
import { KIND_LABELS, MODE_LABELS, NOTIFICATION_KINDS, NOTIFICATION_MODES, type PreferenceKind } from "@/lib/notifications/kinds";

type Choice = (typeof NOTIFICATION_MODES)[number] | "DEFAULT";

/** One row per kind; a choice saves at once and the row shows it is saving. */
export function NotificationPreferencesForm({ initial }: { initial: Record<PreferenceKind, Choice> }) {
  const [choices, setChoices] = useState(initial);
  const overall = choices.all === "DEFAULT" ? "IMMEDIATE" : choices.all;
  return (
    <Card aria-labelledby="notification-kinds">
      <CardHeader id="notification-kinds" title="What you get" description="Each kind follows “Everything” unless you choose otherwise." />
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        <PreferenceRow kind="all" value={overall} options={NOTIFICATION_MODES} onSaved={(v) => setChoices((c) => ({ ...c, all: v }))} />
        {NOTIFICATION_KINDS.map((kind) => (
          <PreferenceRow
            key={kind}
            kind={kind}
            value={choices[kind]}
            options={kind === "window_start" ? (["DEFAULT", "IMMEDIATE", "OFF"] as const) : (["DEFAULT", ...NOTIFICATION_MODES] as const)}
            defaultLabel={`Default (${MODE_LABELS[overall].toLowerCase()})`}
            onSaved={(v) => setChoices((c) => ({ ...c, [kind]: v }))}
          />
        ))}
      </ul>
    </Card>
  );
}

function PreferenceRow({
  kind,
  value,
  options,
  defaultLabel,
  onSaved,
}: {
  kind: PreferenceKind;
  value: Choice;
  options: readonly Choice[];
  defaultLabel?: string;
  onSaved: (value: Choice) => void;
}) {
  const { run, pending } = useAction();
  const [shown, setShown] = useState<Choice>(value);
  const { label, hint } = KIND_LABELS[kind];
  const name = `notify-${kind}`;
  function choose(next: Choice) {
    const before = shown;
    setShown(next);
    run(() => setNotificationPreferenceAction({ notificationKind: kind, notificationMode: next }), {
      onSuccess: () => onSaved(next),
      // The choice goes back to what is stored, and the toast says why.
      onError: () => void setShown(before),
    });
  }
  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <fieldset className="contents" disabled={pending} aria-describedby={`${name}-hint`}>
        <legend className="sr-only">{label}</legend>
        <div className="min-w-0">
          <p aria-hidden className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
            {label}
          </p>
          <p id={`${name}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            {hint}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-1.5">
          {options.map((option) => {
            const id = `${name}-${option}`;
            const checked = shown === option;
            return (
              <label
                key={option}
                htmlFor={id}
                className={cn(
                  "inline-flex min-h-8 cursor-pointer items-center rounded-md px-2.5 text-sm font-medium ring-1 ring-inset transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600",
                  checked
                    ? "bg-accent-600 text-white ring-accent-600"
                    : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-200 dark:ring-zinc-700 dark:hover:bg-zinc-800",
                  pending && "cursor-progress opacity-70",
                )}
              >
                <input id={id} type="radio" name={name} value={option} checked={checked} onChange={() => choose(option)} className="sr-only" />
                {option === "DEFAULT" ? (defaultLabel ?? "Default") : MODE_LABELS[option]}
              </label>
            );
          })}
          <span aria-live="polite" className="inline-flex min-w-5 items-center text-xs text-zinc-500">
            {pending && (
              <>
                <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden />
                <span className="sr-only">Saving…</span>
              </>
            )}
          </span>
        </div>
      </fieldset>
    </li>
  );
}
