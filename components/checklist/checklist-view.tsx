"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { SectionDTO } from "@/lib/checklist/dto";
import { filterItems, filtersToSearch, isActive, parseFilters, type ChecklistFilters } from "@/lib/checklist/filter";
import { summarizeChecklist } from "@/lib/checklist/readiness-summary";
import { summaryItems } from "@/lib/checklist/summary-items";
import { BulkBar } from "./bulk-bar";
import { ChecklistBoard } from "./checklist-board";
import { checklistQueryOptions } from "./checklist-query";
import { ChecklistToolbar } from "./checklist-toolbar";
import { useNow } from "./due-label";
import { ImportDialog } from "./import-dialog";
import { ItemDrawer } from "./item-drawer";
import { ItemEditForm } from "./item-edit-form";
import { useConfirmLeaveWhileSaving } from "./pending-store";
import { SaveTemplateDialog } from "./save-template-dialog";
import { SectionDialog } from "./section-dialog";
import { Sheet } from "./sheet";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { StatusDialog } from "./status-dialog";
import { ChecklistSummaryCard } from "./summary-card";
import { useChecklistKeys } from "./use-checklist-keys";
import { useItemCommands } from "./use-item-commands";

type Dialog = null | "import" | "template" | "shortcuts" | { section: SectionDTO | null } | { addTo: string };

/** The checklist page's client side: renders from the TanStack Query cache the server hydrated. */
export function ChecklistView({ launchId, launchName }: { launchId: string; launchName: string }) {
  // Suspense: the page prefetched this key, so the data is in the cache before the first render.
  const { data: checklist } = useSuspenseQuery(checklistQueryOptions(launchId));
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = parseFilters(params);
  const [search, setSearch] = useState(filters.q);
  const now = useNow();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const commands = useItemCommands(checklist, setOpenId);
  useConfirmLeaveWhileSaving();

  const effective: ChecklistFilters = { ...filters, q: search };
  const visible = filterItems(checklist.items, effective, checklist.viewer.userId, now ?? new Date())
    .slice()
    .sort((a, b) => checklist.sections.findIndex((s) => s.id === a.sectionId) - checklist.sections.findIndex((s) => s.id === b.sectionId) || a.position - b.position);
  const summary = summarizeChecklist(checklist.sections, summaryItems(checklist.items), now ?? new Date(0));
  const byId = new Map(checklist.items.map((i) => [i.id, i]));
  const openItem = openId ? (byId.get(openId) ?? null) : null;

  function setFilters(next: ChecklistFilters) {
    setSearch(next.q);
    router.replace(`${pathname}${filtersToSearch(next, params)}`, { scroll: false });
  }
  const toggleSelect = (id: string, checked: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  useChecklistKeys({
    enabled: dialog === null && openId === null && commands.prompt === null,
    ids: visible.map((i) => i.id),
    focusedId,
    setFocused: setFocusedId,
    onTick: (id) => byId.get(id) && commands.tick(byId.get(id)!),
    onBlock: (id) => byId.get(id) && commands.setStatus(byId.get(id)!, "BLOCKED"),
    onOpen: setOpenId,
    onSelect: (id) => toggleSelect(id, !selected.has(id)),
    onSearch: () => searchRef.current?.focus(),
    onHelp: () => setDialog("shortcuts"),
  });

  const dialogs = (
    <>
      <ItemDrawer checklist={checklist} item={openItem} now={now} onClose={() => setOpenId(null)} onStatus={commands.setStatus} onAssign={commands.assign} onEvidence={commands.evidence} onRefresh={commands.refresh} />
      <StatusDialog prompt={commands.prompt} onClose={commands.closePrompt} />
      <ImportDialog launchId={launchId} open={dialog === "import"} onDone={(done) => { setDialog(null); if (done) void commands.refresh(); }} />
      <SaveTemplateDialog launchId={launchId} launchName={launchName} open={dialog === "template"} onClose={() => setDialog(null)} />
      <ShortcutsDialog open={dialog === "shortcuts"} onClose={() => setDialog(null)} />
      <SectionDialog
        launchId={launchId}
        open={dialog !== null && typeof dialog === "object" && "section" in dialog}
        section={dialog && typeof dialog === "object" && "section" in dialog ? dialog.section : null}
        onDone={(changed) => { setDialog(null); if (changed) void commands.refresh(); }}
      />
      <Sheet open={dialog !== null && typeof dialog === "object" && "addTo" in dialog} onOpenChange={(o) => !o && setDialog(null)} title="Add an item">
        {dialog && typeof dialog === "object" && "addTo" in dialog && (
          <ItemEditForm checklist={checklist} sectionId={dialog.addTo} onDone={(saved) => { setDialog(null); if (saved) void commands.refresh(); }} />
        )}
      </Sheet>
    </>
  );

  if (checklist.sections.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<ClipboardList className="size-8" />}
          title="Start from a template or add a section"
          action={
            checklist.viewer.structure && (
              <div className="flex flex-wrap justify-center gap-2">
                <Button onClick={() => setDialog({ section: null })}>Add a section</Button>
                <Button variant="secondary" onClick={() => setDialog("import")}>Import CSV</Button>
                <Button variant="secondary" asChild><Link href="/launches/new">New launch from a template</Link></Button>
              </div>
            )
          }
        >
          {checklist.viewer.structure
            ? "Group the checks by area (functional testing, security, data migration, final checks…), or import a checklist from CSV. Templates apply when a launch is created."
            : "The launch's managers have not built its checklist yet."}
        </EmptyState>
        {dialogs}
      </Card>
    );
  }

  return (
    <div className="space-y-4">
      <ChecklistSummaryCard summary={summary} showSections={false} />
      <ChecklistToolbar
        checklist={checklist}
        filters={effective}
        onChange={setFilters}
        searchRef={searchRef}
        shown={visible.length}
        onImport={() => setDialog("import")}
        onSaveTemplate={() => setDialog("template")}
        onAddSection={() => setDialog({ section: null })}
        onShortcuts={() => setDialog("shortcuts")}
      />
      {selected.size > 0 && (
        <BulkBar
          checklist={checklist}
          count={selected.size}
          onStatus={(status) => void commands.bulkStatus([...selected], status).then(() => setSelected(new Set()))}
          onAssign={(ownerId) => void commands.bulkAssign([...selected], ownerId).then(() => setSelected(new Set()))}
          onClear={() => setSelected(new Set())}
        />
      )}
      <ChecklistBoard
        checklist={checklist}
        visible={visible}
        filtering={isActive(effective)}
        summary={summary}
        now={now}
        selected={selected}
        focusedId={focusedId}
        onFocus={setFocusedId}
        onSelect={toggleSelect}
        onTick={commands.tick}
        onStatus={commands.setStatus}
        onOpen={setOpenId}
        onMove={commands.move}
        onDeleteItem={(item) => void commands.deleteItem(item)}
        onAddItem={(sectionId) => setDialog({ addTo: sectionId })}
        onRenameSection={(section) => setDialog({ section })}
        onDeleteSection={(section, count) => void commands.deleteSection(section, count)}
      />
      {visible.length === 0 && (
        <Card>
          <EmptyState title="No checks match these filters">Clear a filter or change the search to see more.</EmptyState>
        </Card>
      )}
      <p className="hidden text-xs text-zinc-500 sm:block dark:text-zinc-400">
        Press <kbd className="font-mono">?</kbd> for keyboard shortcuts. Times are in {checklist.timeZone}.
      </p>
      {dialogs}
    </div>
  );
}
