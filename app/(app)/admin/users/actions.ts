"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { setUserAdmin, setUserDeactivated } from "@/lib/admin/users";
import { setAdminSchema, setDeactivatedSchema, type SetAdminInput, type SetDeactivatedInput } from "@/lib/admin/users.schema";
import { anyInput, parseForAdmin } from "@/lib/windows/authorize-input";

// Instance admins only: refused before the input is judged, and again inside each command's transaction.

export async function setUserAdminAction(input: SetAdminInput): Promise<ActionResult<{ userId: string; isAdmin: boolean }>> {
  return runAction("setUserAdmin", anyInput, input, async (raw, actor) => {
    const result = await setUserAdmin(actor, parseForAdmin(actor, "change who is admin", setAdminSchema, raw));
    revalidatePath("/admin/users");
    return result;
  });
}

export async function setUserDeactivatedAction(
  input: SetDeactivatedInput,
): Promise<ActionResult<{ userId: string; deactivated: boolean; sessionsRevoked: number; tokensRevoked: number }>> {
  return runAction("setUserDeactivated", anyInput, input, async (raw, actor) => {
    const result = await setUserDeactivated(actor, parseForAdmin(actor, "deactivate or reactivate accounts", setDeactivatedSchema, raw));
    revalidatePath("/admin/users");
    return result;
  });
}
