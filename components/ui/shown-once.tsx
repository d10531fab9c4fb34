"use client";
import { Check, Copy } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";

/**
 * A secret Liftoff shows once and then keeps only a fingerprint of (a share link, a webhook's signing
 * secret): the value, selected on focus, with a copy button that falls back to selecting it when the
 * clipboard is refused, a note on what losing it means, optional actions, and Done.
 */
export function ShownOnce({ title, note, value, label, testId, onDone, actions }: {
  title: ReactNode;
  note: string;
  value: string;
  /** The field's accessible name ("Share link", "Signing secret"). */
  label: string;
  testId?: string;
  onDone: () => void;
  /** Shown before Done (links to open what was created). */
  actions?: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <Card className="border-l-4 border-l-green-600 p-4" role="status" aria-live="polite">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{note}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <Input ref={input} readOnly value={value} aria-label={label} data-testid={testId} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            } catch {
              input.current?.select();
            }
          }}
        >
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />} {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <div className="mt-3 flex flex-wrap gap-3 text-sm">
        {actions}
        <button type="button" onClick={onDone} className="ml-auto font-medium text-zinc-600 hover:underline dark:text-zinc-400">Done</button>
      </div>
    </Card>
  );
}
