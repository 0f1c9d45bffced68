import { Details, SummaryList } from "../govuk/content";
import { formatMonths, type CharterDisplay } from "~/domain/charter";

/** The hash and the exact text it is the SHA-256 of, so anyone can check one against the other. */
export function CharterFingerprint({ canonicalText, textHash, label = "SHA-256 fingerprint", open }: { canonicalText: string; textHash: string; label?: string; open?: boolean }) {
  return (
    <>
      <p className="govuk-body">
        {label}: <code className="app-code app-hash" data-testid="charter-hash">{textHash}</code>
      </p>
      <Details summary="The exact text this fingerprint is taken from" open={open}>
        <p className="govuk-body">
          The fingerprint is the SHA-256 of this text's UTF-8 bytes, with no line break at the end. Copy it into a file and run <code className="app-code">sha256sum</code>{" "}
          (or <code className="app-code">shasum -a 256</code>) to check it.
        </p>
        <pre className="app-canonical-text" data-testid="canonical-text">
          {canonicalText}
        </pre>
      </Details>
    </>
  );
}

/**
 * The charter as a signer reads it: commitments, term and review, the text (Markdown rendered on
 * the server with raw HTML escaped), and the fingerprint of exactly this content.
 */
export function CharterText({ charter, fingerprintOpen }: { charter: CharterDisplay; fingerprintOpen?: boolean }) {
  return (
    <div className="app-charter-text">
      <SummaryList
        rows={[
          { key: "Minimum term", value: formatMonths(charter.minimumTermMonths) },
          { key: "Reviewed", value: `Every ${formatMonths(charter.reviewIntervalMonths)}` },
        ]}
      />
      <h2 className="govuk-heading-m">Commitments</h2>
      <ol className="govuk-list govuk-list--number">
        {charter.commitments.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ol>
      <div className="app-markdown" dangerouslySetInnerHTML={{ __html: charter.bodyHtml }} />
      <CharterFingerprint canonicalText={charter.canonicalText} textHash={charter.textHash} open={fingerprintOpen} />
    </div>
  );
}
