import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("charter Markdown", () => {
  it("renders paragraphs, headings and lists with GOV.UK classes", () => {
    const html = renderMarkdown("# Purpose\n\nWe **agree**.\n\n- one\n- two\n\n3. three\n4. four");
    expect(html).toContain('<h2 class="govuk-heading-m">Purpose</h2>');
    expect(html).toContain('<p class="govuk-body">We <strong>agree</strong>.</p>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<ol class="govuk-list govuk-list--number" start="3">');
    expect(html).toContain("<li>one</li>");
  });

  it("shows raw HTML as text rather than running it", () => {
    const html = renderMarkdown('<script>alert("x")</script>\n\nHello <img src=x onerror=alert(1)> there');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps safe links and drops dangerous ones and images", () => {
    expect(renderMarkdown("[site](https://example.com/a?b=1&c=2)")).toContain('<a class="govuk-link" href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">site</a>');
    expect(renderMarkdown("[mail](mailto:a@example.com)")).toContain('href="mailto:a@example.com"');
    const bad = renderMarkdown("[click](javascript:alert(1)) ![pic](https://example.com/x.png) [data](data:text/html,hi)");
    expect(bad).not.toMatch(/<a|<img|javascript:|data:text/);
    expect(bad).toContain("click");
    expect(bad).toContain("pic");
  });
});
