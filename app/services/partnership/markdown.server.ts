import { Marked, type Tokens } from "marked";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Links may go to web pages, e-mail addresses or this service; anything else (javascript:, data:) is dropped. */
function safeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href.trim());
}

const HEADING_CLASS: Record<number, string> = { 1: "govuk-heading-m", 2: "govuk-heading-s" };

/**
 * Markdown as written by programme managers, rendered safely: raw HTML in the source is shown as
 * text (never interpreted), images are replaced by their alt text, and links keep only safe
 * destinations. Headings, lists and paragraphs get the GOV.UK classes.
 */
const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      if (!safeHref(href)) return inner;
      return `<a class="govuk-link" href="${escapeHtml(href.trim())}" rel="noopener noreferrer">${inner}</a>`;
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(depth + 1, 6);
      return `<h${level} class="${HEADING_CLASS[depth] ?? "govuk-heading-s"}">${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    paragraph({ tokens }: Tokens.Paragraph) {
      return `<p class="govuk-body">${this.parser.parseInline(tokens)}</p>\n`;
    },
    list(token: Tokens.List) {
      const items = token.items.map((item) => this.listitem(item)).join("");
      const tag = token.ordered ? "ol" : "ul";
      const start = token.ordered && token.start !== 1 && token.start !== "" ? ` start="${Number(token.start)}"` : "";
      return `<${tag} class="govuk-list govuk-list--${token.ordered ? "number" : "bullet"}"${start}>\n${items}</${tag}>\n`;
    },
  },
});

/**
 * The charter body as HTML for the page. Headings start one level down (a "# Heading" in the
 * body is an h2), since the page's own h1 is the charter's title.
 */
export function renderMarkdown(source: string): string {
  return markdown.parse(source) as string;
}
