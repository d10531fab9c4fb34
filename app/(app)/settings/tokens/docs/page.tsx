import { ApiReference } from "@/components/api-tokens/api-reference";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { requirePageUser } from "@/lib/auth/session";

export const metadata = { title: "API reference" };

export default async function ApiDocsPage() {
  await requirePageUser();
  return <ApiReference document={openApiDocument()} />;
}
