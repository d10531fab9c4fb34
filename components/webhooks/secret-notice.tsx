"use client";
import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";

/** A signing secret, shown once with a copy button. */
export function SecretNotice({ title, secret, note, onDone }: { title: string; secret: string; note: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <Card className="border-l-4 border-l-green-600 p-4" role="status" aria-live="polite">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{note}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <Input ref={input} readOnly value={secret} aria-label="Signing secret" data-testid="webhook-secret" onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret);
              setCopied(true);
            } catch {
              input.current?.select();
            }
          }}
        >
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />} {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <div className="mt-3 flex justify-end">
        <button type="button" onClick={onDone} className="text-sm font-medium text-zinc-600 hover:underline dark:text-zinc-400">Done</button>
      </div>
    </Card>
  );
}
