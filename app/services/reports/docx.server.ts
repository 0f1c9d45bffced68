import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { formatDate, formatDateTime } from "../../domain/dates";
import { describeSource, formatFigure, isNumeric, narrativeParagraphs, type FigureValue, type Report, type ReportSection, type ReportTable } from "../../domain/reports";

/**
 * A report as a Word document, from the same model the page shows: the title and as-of date,
 * then per section a heading, the narrative, the figures and tables, notes and sources. Links are
 * made absolute with `origin` so they work from the file.
 */
export async function reportDocx(report: Report, origin: string): Promise<Buffer> {
  const doc = new Document({
    creator: report.authorityName,
    title: `${report.authorityName}: ${report.title}`,
    description: report.subtitle,
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [{ children: [...heading(report), ...report.sections.flatMap((s, i) => section(s, i > 0, origin))] }],
  });
  return Packer.toBuffer(doc);
}

function heading(report: Report) {
  return [
    new Paragraph({ text: report.authorityName, style: "Subtitle" }),
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: report.subtitle, bold: true })] }),
    new Paragraph({
      children: [new TextRun(`Figures as of ${formatDate(report.asOf)}${report.provisional ? " (the period is still running: figures are provisional)" : ""}.`)],
      spacing: { after: 240 },
    }),
  ];
}

function section(s: ReportSection, breakBefore: boolean, origin: string): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1, pageBreakBefore: breakBefore })];
  out.push(new Paragraph({ children: [new TextRun({ text: s.summary, italics: true })], spacing: { after: 120 } }));
  const paragraphs = narrativeParagraphs(s.narrative?.body);
  if (paragraphs.length) {
    for (const lines of paragraphs) out.push(new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })), spacing: { after: 120 } }));
  }
  if (s.figures.length) {
    out.push(caption("Figures"));
    out.push(
      table(
        ["Measure", "Value"],
        [false, true],
        s.figures.map((f) => [f.measure, f.value]),
        origin,
      ),
    );
  }
  for (const t of s.tables) out.push(...reportTable(t, origin));
  for (const note of s.notes) out.push(new Paragraph({ children: [new TextRun({ text: note, size: 18 })], spacing: { before: 120 } }));
  for (const src of s.sources) {
    out.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [new TextRun({ text: "Source: ", bold: true, size: 18 }), link(describeSource(src), `${origin}${src.href}`, 18)],
      }),
    );
  }
  if (s.narrative) out.push(new Paragraph({ children: [new TextRun({ text: `Text last changed ${formatDateTime(s.narrative.updatedAt)}${s.narrative.updatedBy ? ` by ${s.narrative.updatedBy}` : ""}.`, size: 18 })] }));
  return out;
}

function caption(text: string) {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });
}

function link(text: string, href: string, size?: number): ParagraphChild {
  return new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: "Hyperlink", size })] });
}

function reportTable(t: ReportTable, origin: string): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [caption(t.caption)];
  if (!t.rows.length) {
    out.push(new Paragraph({ text: t.empty }));
    return out;
  }
  out.push(
    table(
      t.columns.map((c) => c.header),
      t.columns.map((c) => Boolean(c.numeric)),
      t.rows.map((r) => r.cells),
      origin,
    ),
  );
  return out;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "B1B4B6" };

function table(headers: string[], numeric: boolean[], rows: Array<Array<string | FigureValue>>, origin: string): Table {
  const cell = (value: string | FigureValue, i: number, header = false) => {
    const text = typeof value === "string" ? value : formatFigure(value);
    const right = numeric[i] || (typeof value !== "string" && isNumeric(value));
    const run = new TextRun({ text, bold: header || i === 0 });
    const child = typeof value !== "string" && value.kind === "text" && value.href ? link(text, `${origin}${value.href}`) : run;
    return new TableCell({
      children: [new Paragraph({ children: [child], alignment: right && !header ? AlignmentType.RIGHT : AlignmentType.LEFT })],
      borders: { top: border, bottom: border, left: border, right: border },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
    });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i)) }))],
  });
}
