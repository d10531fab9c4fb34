"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import {
  createItemSchema,
  createSectionSchema,
  deleteSectionSchema,
  editItemSchema,
  importCsvSchema,
  itemRefSchema,
  moveItemSchema,
  predecessorsSchema,
  renameSectionSchema,
  saveTemplateSchema,
  type CreateItemInput,
  type CreateSectionInput,
  type DeleteSectionInput,
  type EditItemInput,
  type ImportCsvInput,
  type ItemRefInput,
  type MoveItemInput,
  type PredecessorsInput,
  type RenameSectionInput,
  type SaveTemplateInput,
} from "@/lib/checklist/checklist.schema";
import { setPredecessors } from "@/lib/checklist/dependency-commands";
import type { ItemDTO } from "@/lib/checklist/dto";
import { importChecklistCsv, type ImportResult } from "@/lib/checklist/import-commands";
import { createItem, deleteItem, editItem } from "@/lib/checklist/item-commands";
import { moveItem } from "@/lib/checklist/move-commands";
import { createSection, deleteSection, renameSection } from "@/lib/checklist/section-commands";
import { saveAsTemplate } from "@/lib/checklist/templates/save";

// Checklist structure (managers): sections, items, predecessors, order, CSV import, save as template.
// The overview's readiness summary is server-rendered, so these revalidate the launch's pages.

const touched = (launchId: string) => revalidatePath(`/launches/${launchId}`, "layout");

export async function createSectionAction(input: CreateSectionInput): Promise<ActionResult<{ id: string }>> {
  return runAction("createSection", createSectionSchema, input, async (data, actor) => {
    const section = await createSection(actor, data);
    touched(data.launchId);
    return { id: section.id };
  });
}

export async function renameSectionAction(input: RenameSectionInput): Promise<ActionResult<{ id: string }>> {
  return runAction("renameSection", renameSectionSchema, input, (data, actor) => renameSection(actor, data));
}

export async function deleteSectionAction(input: DeleteSectionInput): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteSection", deleteSectionSchema, input, async (data, actor) => {
    const result = await deleteSection(actor, data);
    touched(data.launchId);
    return result;
  });
}

export async function createItemAction(input: CreateItemInput): Promise<ActionResult<ItemDTO>> {
  return runAction("createItem", createItemSchema, input, async (data, actor) => {
    const item = await createItem(actor, data);
    touched(data.launchId);
    return item;
  });
}

export async function editItemAction(input: EditItemInput): Promise<ActionResult<ItemDTO>> {
  return runAction("editItem", editItemSchema, input, (data, actor) => editItem(actor, data));
}

export async function deleteItemAction(input: ItemRefInput): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteItem", itemRefSchema, input, async (data, actor) => {
    const result = await deleteItem(actor, data);
    touched(data.launchId);
    return result;
  });
}

export async function setPredecessorsAction(input: PredecessorsInput): Promise<ActionResult<ItemDTO>> {
  return runAction("setPredecessors", predecessorsSchema, input, (data, actor) => setPredecessors(actor, data));
}

export async function moveItemAction(input: MoveItemInput): Promise<ActionResult<{ id: string; sectionId: string; position: number }>> {
  return runAction("moveItem", moveItemSchema, input, (data, actor) => moveItem(actor, data));
}

export async function importChecklistAction(input: ImportCsvInput): Promise<ActionResult<ImportResult>> {
  return runAction("importChecklist", importCsvSchema, input, async (data, actor) => {
    const result = await importChecklistCsv(actor, data);
    touched(data.launchId);
    return result;
  });
}

export async function saveTemplateAction(input: SaveTemplateInput): Promise<ActionResult<{ id: string; name: string; items: number }>> {
  return runAction("saveTemplate", saveTemplateSchema, input, (data, actor) => saveAsTemplate(actor, data));
}
