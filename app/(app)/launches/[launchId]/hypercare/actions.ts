"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { closeHypercare } from "@/lib/hypercare/close";
import { addCriterion, changePlannedEnd, recordMetric, removeCriterion, signCriterion } from "@/lib/hypercare/commands";
import { noteIncident, openIncident, updateIncident } from "@/lib/hypercare/incident-commands";
import {
  addCriterionSchema, closeHypercareSchema, noteIncidentSchema, openIncidentSchema, planSchema, recordMetricSchema, removeCriterionSchema,
  signCriterionSchema, updateIncidentSchema,
  type AddCriterionInput, type CloseHypercareInput, type NoteIncidentInput, type OpenIncidentInput, type PlanInput, type RecordMetricInput,
  type RemoveCriterionInput, type SignCriterionInput, type UpdateIncidentInput,
} from "@/lib/hypercare/schema";
import type { CriterionDTO, IncidentDTO } from "@/lib/hypercare/types";

// Thin adapters over lib/hypercare's commands, which authorize inside their transaction. The page
// updates through the live stream (hypercare.* and incident.* events patch the hypercare part).

export async function changePlannedEndAction(input: PlanInput): Promise<ActionResult<{ plannedEndAt: string }>> {
  return runAction("changePlannedEnd", planSchema, input, (data, actor) => changePlannedEnd(actor, data));
}

export async function addCriterionAction(input: AddCriterionInput): Promise<ActionResult<CriterionDTO>> {
  return runAction("addCriterion", addCriterionSchema, input, (data, actor) => addCriterion(actor, data));
}

export async function removeCriterionAction(input: RemoveCriterionInput): Promise<ActionResult<{ id: string }>> {
  return runAction("removeCriterion", removeCriterionSchema, input, (data, actor) => removeCriterion(actor, data));
}

export async function recordMetricAction(input: RecordMetricInput): Promise<ActionResult<CriterionDTO>> {
  return runAction("recordMetric", recordMetricSchema, input, (data, actor) => recordMetric(actor, data));
}

export async function signCriterionAction(input: SignCriterionInput): Promise<ActionResult<CriterionDTO>> {
  return runAction("signCriterion", signCriterionSchema, input, (data, actor) => signCriterion(actor, data));
}

export async function closeHypercareAction(input: CloseHypercareInput): Promise<ActionResult<{ status: "CLOSED"; overridden: boolean }>> {
  return runAction("closeHypercare", closeHypercareSchema, input, (data, actor) => closeHypercare(actor, data));
}

export async function openIncidentAction(input: OpenIncidentInput): Promise<ActionResult<IncidentDTO>> {
  return runAction("openIncident", openIncidentSchema, input, (data, actor) => openIncident(actor, data));
}

export async function updateIncidentAction(input: UpdateIncidentInput): Promise<ActionResult<IncidentDTO>> {
  return runAction("updateIncident", updateIncidentSchema, input, (data, actor) => updateIncident(actor, data));
}

export async function noteIncidentAction(input: NoteIncidentInput): Promise<ActionResult<IncidentDTO>> {
  return runAction("noteIncident", noteIncidentSchema, input, (data, actor) => noteIncident(actor, data));
}
