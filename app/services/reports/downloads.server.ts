import { csvResponse, toCsv } from "../../csv.server";
import { reportCsvRows, reportFileName, type Report } from "../../domain/reports";
import { reportDocx } from "./docx.server";

export type ReportFormat = "docx" | "csv";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A report as a download: the .docx, or the CSV of its figures (one row per figure). */
export async function reportDownload(report: Report, slug: string, format: ReportFormat, origin: string): Promise<Response> {
  const name = reportFileName(slug, report.kind, report.period, format);
  if (format === "csv") {
    return csvResponse(
      name,
      toCsv(reportCsvRows(report, origin), [
        { header: "Section", value: (r) => r.section },
        { header: "Measure", value: (r) => r.measure },
        { header: "Value", value: (r) => r.value },
        { header: "Source", value: (r) => r.source },
      ]),
    );
  }
  const body = await reportDocx(report, origin);
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": DOCX_TYPE, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
