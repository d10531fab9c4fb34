"use client";
import { ShownOnce } from "@/components/ui/shown-once";

/** A signing secret, shown once with a copy button. */
export function SecretNotice({ title, secret, note, onDone }: { title: string; secret: string; note: string; onDone: () => void }) {
  return <ShownOnce title={title} note={note} value={secret} label="Signing secret" testId="webhook-secret" onDone={onDone} />;
}
