import { ShareView } from "@/components/share/share-view";
import { loadSharePage } from "./load-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Launch status" };

/** The share page; `?mode=wall` (or /wall) is the war-room screen. */
export default async function SharePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ mode?: string }> }) {
  const [{ token, dto, cursor }, { mode }] = await Promise.all([loadSharePage(params), searchParams]);
  return <ShareView token={token} initial={dto} cursor={cursor} wall={mode === "wall"} />;
}
