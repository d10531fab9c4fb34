import { handle } from "@/lib/api/v1/operation";
import { operationById } from "@/lib/api/v1/operations";

export const dynamic = "force-dynamic";

export const POST = handle(operationById("startRunbookTask"));
