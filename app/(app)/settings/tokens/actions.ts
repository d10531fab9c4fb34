"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenInput, type RevokeApiTokenInput } from "@/lib/api-tokens/api-token.schema";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/tokens";

// A user manages only their own tokens: the owner comes from the session, never from the input.

/** Returns the token once; only its hash is stored. */
export async function createApiTokenAction(input: CreateApiTokenInput): Promise<ActionResult<{ id: string; token: string; prefix: string }>> {
  return runAction("createApiToken", createApiTokenSchema, input, async (data, actor) => {
    const created = await createApiToken(actor, data);
    revalidatePath("/settings/tokens");
    return created;
  });
}

export async function revokeApiTokenAction(input: RevokeApiTokenInput): Promise<ActionResult<{ revoked: boolean }>> {
  return runAction("revokeApiToken", revokeApiTokenSchema, input, async (data, actor) => {
    const result = await revokeApiToken(actor, data.tokenId);
    revalidatePath("/settings/tokens");
    return result;
  });
}
