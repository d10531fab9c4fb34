import { EmptyState } from "@/components/ui/card";

export default function ShareNotFound() {
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <EmptyState title="This link does not work">It was revoked, has expired, or was mistyped. Ask the launch&apos;s team for a new one.</EmptyState>
    </div>
  );
}
