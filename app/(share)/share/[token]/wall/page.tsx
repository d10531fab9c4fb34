import { ShareView } from "@/components/share/share-view";
import { loadSharePage } from "../load-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Launch status · wall" };

/** War-room mode: dark, large type, no interaction, the timeline scrolling itself. */
export default async function ShareWallPage({ params }: { params: Promise<{ token: string }> }) {
  const { token, dto, cursor } = await loadSharePage(params);
  return <ShareView token={token} initial={dto} cursor={cursor} wall />;
}
