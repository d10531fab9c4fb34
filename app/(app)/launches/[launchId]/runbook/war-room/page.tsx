import { WarRoom } from "@/components/runbook/war-room";

export const metadata = { title: "Runbook war room" };

export default function RunbookWarRoomPage() {
  return <WarRoom />;
}
