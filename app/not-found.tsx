import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-400">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This page does not exist, or you are not a member of the launch it belongs to. Ask the launch’s manager to add you.
      </p>
      <Button asChild variant="secondary">
        <Link href="/">Back to your launches</Link>
      </Button>
    </main>
  );
}
