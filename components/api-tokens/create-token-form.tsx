"use client";
import { Check, Copy, KeyRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { createApiTokenAction } from "@/app/(app)/settings/tokens/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { API_SCOPES, SCOPE_LABEL, type ApiScope } from "@/lib/api-tokens/api-token.schema";

const EXPIRY = [
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "7", label: "7 days" },
  { days: "365", label: "1 year" },
  { days: "", label: "Never" },
];

/** Creates a token and shows it once: only its hash is stored, so a lost token is replaced, not shown again. */
export function CreateTokenForm({ launches }: { launches: { id: string; name: string }[] }) {
  const id = useId();
  const { run, pending, errors } = useAction();
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    // onSubmit rather than a form action: React resets a form after its action, which would wipe what was
    // typed when the server refuses it.
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const days = String(form.get("expiresInDays") ?? "");
    const input = {
      name,
      launchIds: form.getAll("launchIds").map(String),
      scopes: form.getAll("scopes").map(String) as ApiScope[],
      expiresInDays: days === "" ? null : Number(days),
    };
    run(() => createApiTokenAction(input), {
      showsFieldErrors: true,
      refresh: true,
      onSuccess: (data) => {
        setCreated({ token: data.token, name });
        setCopied(false);
        formRef.current?.reset();
      },
    });
  }

  // Focus moves to a new token once it is on screen (not on the next frame: the action's state update is a
  // transition that may commit later), so keyboard and screen-reader users land on what they must copy.
  useEffect(() => {
    if (created) tokenRef.current?.focus();
  }, [created]);

  const copy = (token: string) =>
    navigator.clipboard?.writeText(token).then(
      () => {
        setCopied(true);
        toast.success("Token copied");
      },
      () => toast.error("Could not copy; select the token and copy it by hand."),
    );

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader id={`${id}-title`} title="Create a token" description="For a pipeline or script: it acts as you, only on the launches and for the actions you choose." />
      {created && (
        <div className="space-y-2 border-b border-zinc-200 bg-amber-50 p-4 text-sm dark:border-zinc-800 dark:bg-amber-950/40" data-testid="new-token">
          <p className="font-medium text-amber-900 dark:text-amber-200">
            Copy “{created.name}” now: it is shown only once. Anyone with it can act as you within its scopes.
          </p>
          <div className="flex gap-2">
            <Input ref={tokenRef} readOnly value={created.token} aria-label="New API token" onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
            <Button type="button" variant="secondary" aria-label="Copy token" onClick={() => copy(created.token)}>
              {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
            </Button>
          </div>
        </div>
      )}
      {launches.length === 0 ? (
        <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">You are not a member of any launch yet: a token works only on launches you belong to.</p>
      ) : (
        <form ref={formRef} onSubmit={submit} className="space-y-4 p-4" aria-busy={pending || undefined} data-saving={pending || undefined}>
          <Field id={`${id}-name`} label="Name" hint="What uses it, e.g. “CI smoke tests”" errors={errors.name}>
            <Input {...fieldAria(`${id}-name`, errors.name)} name="name" required maxLength={80} autoComplete="off" />
          </Field>
          <fieldset className="space-y-1.5" aria-describedby={errors.launchIds ? `${id}-launches-error` : undefined}>
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Launches</legend>
            <div className="max-h-48 space-y-1 overflow-y-auto rounded-md p-1 ring-1 ring-zinc-200 dark:ring-zinc-800">
              {launches.map((l) => (
                <label key={l.id} className="flex items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                  <input type="checkbox" name="launchIds" value={l.id} className="size-4 accent-accent-600" />
                  <span className="min-w-0 break-words">{l.name}</span>
                </label>
              ))}
            </div>
            {errors.launchIds?.map((e) => (
              <p key={e} id={`${id}-launches-error`} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">{e}</p>
            ))}
          </fieldset>
          <fieldset className="space-y-1.5" aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">It may</legend>
            {API_SCOPES.map((s) => (
              <label key={s} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s === "read"} className="mt-0.5 size-4 accent-accent-600" />
                <span>
                  {SCOPE_LABEL[s]} <code className="text-xs text-zinc-500 dark:text-zinc-400">{s}</code>
                </span>
              </label>
            ))}
            {errors.scopes?.map((e) => (
              <p key={e} id={`${id}-scopes-error`} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">{e}</p>
            ))}
          </fieldset>
          <Field id={`${id}-expiry`} label="Expires after" errors={errors.expiresInDays}>
            <Select {...fieldAria(`${id}-expiry`, errors.expiresInDays)} name="expiresInDays" defaultValue="30">
              {EXPIRY.map((e) => (
                <option key={e.days} value={e.days}>{e.label}</option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>
            <KeyRound className="size-4" aria-hidden /> {pending ? "Creating…" : "Create token"}
          </Button>
        </form>
      )}
    </Card>
  );
}
