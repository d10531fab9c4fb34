import Link from "next/link";
import { CircleCheck, CircleDashed, CircleX, Flag, Radio, Rocket, Undo2, Ban, Activity, Archive, ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { launchStatusChip } from "@/lib/domain/launch-status";

const ICONS: Record<string, typeof Flag> = {
  PLANNING: CircleDashed,
  READY: CircleDashed,
  GO: Rocket,
  IN_WINDOW: Radio,
  LIVE: CircleCheck,
  HYPERCARE: Activity,
  CLOSED: Archive,
  NO_GO: CircleX,
  ROLLED_BACK: Undo2,
  CANCELLED: Ban,
};

/**
 * The launch's lifecycle chip. A GO by override reads "Go (override)" with its reason in the title and,
 * given `overrideHref`, links to the go/no-go page where the reason is written out.
 */
export function LaunchStatusBadge({
  status,
  goOverride = null,
  readiness = null,
  overrideHref,
}: {
  status: string;
  goOverride?: string | null;
  readiness?: "READY" | "AT_RISK" | "NOT_READY" | null;
  overrideHref?: string;
}) {
  const chip = launchStatusChip(status, { goOverride, readiness });
  const Icon = chip.override ? ShieldAlert : (ICONS[status] ?? Flag);
  const badge = (
    <Badge tone={chip.tone} icon={<Icon className="size-3.5" aria-hidden />}>
      <span data-testid="launch-status" title={chip.title}>
        {chip.label}
      </span>
    </Badge>
  );
  if (!chip.override || !overrideHref) return badge;
  return (
    <Link href={overrideHref} title={chip.title} className="rounded-full focus-visible:outline-2 focus-visible:outline-accent-500">
      {badge}
      <span className="sr-only">: {chip.title}</span>
    </Link>
  );
}
