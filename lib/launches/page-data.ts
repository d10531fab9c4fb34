import "server-only";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/domain/errors";
import { getLaunchForActor } from "./queries";

/** For launch pages: the signed-in actor and the launch they may see, or a 404 that discloses nothing. */
export async function loadLaunchPage(params: Promise<{ launchId: string }>) {
  const { launchId } = await params;
  const actor = await requirePageActor();
  try {
    const launch = await getLaunchForActor(actor, launchId);
    return { actor, launch };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
