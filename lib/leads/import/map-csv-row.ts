// Turns a CSV record (cells by position) into the row schema's input, following the confirmed mapping.
import type { LeadImportMapping } from "@/db/schema/leads";
import type { ImportRowInput } from "./import-row.schema";
import { CUSTOM_PREFIX, isLeadImportField, type LeadImportField } from "./lead-import-fields";

export type ColumnPlan = { index: number; field: LeadImportField } | { index: number; customKey: string };

/** Resolved once per file: which cell index fills which field (ignored columns are left out). */
export function planColumns(headers: string[], mapping: LeadImportMapping): ColumnPlan[] {
  const plan: ColumnPlan[] = [];
  headers.forEach((header, index) => {
    const target = mapping[header];
    if (!target) return;
    if (isLeadImportField(target)) plan.push({ index, field: target });
    else if (target.startsWith(CUSTOM_PREFIX) && target.length > CUSTOM_PREFIX.length) plan.push({ index, customKey: target.slice(CUSTOM_PREFIX.length) });
  });
  return plan;
}

export function mapCsvRow(cells: string[], plan: ColumnPlan[]): ImportRowInput {
  const row: ImportRowInput = { customFields: {} };
  for (const column of plan) {
    const value = cells[column.index];
    if (value === undefined) continue;
    if ("field" in column) row[column.field] = value;
    else if (value.trim() !== "") row.customFields[column.customKey] = value.trim();
  }
  return row;
}
