import { BookOpen } from "lucide-react";
import Link from "next/link";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokenList } from "@/components/api-tokens/token-list";
import { listMyApiTokens, tokenLaunchChoices } from "@/lib/api-tokens/tokens";
import { requirePageActor } from "@/lib/auth/session";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor();
  const [tokens, launches] = await Promise.all([listMyApiTokens(actor.userId), tokenLaunchChoices(actor.userId)]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Let pipelines tick checks and attach evidence through the HTTP API, as you.</p>
        </div>
        <Link href="/settings/tokens/docs" className="inline-flex items-center gap-1 text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
          <BookOpen className="size-4" aria-hidden /> API reference
        </Link>
      </div>
      <div className="grid items-start gap-5 lg:grid-cols-2">
        <CreateTokenForm launches={launches} />
        <TokenList tokens={tokens} />
      </div>
    </div>
  );
}
