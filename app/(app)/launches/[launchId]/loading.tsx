export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-5 lg:grid-cols-3">
      <span className="sr-only">Loading…</span>
      <div className="h-64 animate-pulse rounded-lg bg-zinc-200 lg:col-span-2 dark:bg-zinc-800" />
      <div className="h-64 animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
