"use client";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        We could not load this page. Nothing you saved is lost. Try again; if it keeps failing, tell your Liftoff admin.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
