"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { revokeApiTokenSchema, type RevokeApiTokenInput } from "@/lib/api-tokens/api-token.schema";
import { revokeApiToken } from "@/lib/api-tokens/tokens";

/** An instance admin revokes anyone's API token (a leaked token, a person who left). */
export async function adminRevokeApiTokenAction(input: RevokeApiTokenInput): Promise<ActionResult<{ revoked: boolean }>> {
  return runAction("adminRevokeApiToken", revokeApiTokenSchema, input, async (data, actor) => {
    const result = await revokeApiToken(actor, data.tokenId, { asAdmin: true });
    revalidatePath("/admin");
    return result;
  });
}
