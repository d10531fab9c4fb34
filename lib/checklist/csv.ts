// Checklist CSV import/export. The format (COLUMNS) is documented for the README; see csv-columns.ts.

export { COLUMNS, type CsvItem, type CsvParseResult, type CsvSection } from "./csv-columns";
export { exportChecklistCsv, type CsvExportItem } from "./csv-export";
export { MAX_CSV_ROWS, parseChecklistCsv } from "./csv-parse";
