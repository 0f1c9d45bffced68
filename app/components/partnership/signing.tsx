import { InsetText, Panel } from "../govuk/content";

export interface SignedData {
  organisationName: string;
  signerName: string;
  signedAt: string;
  textHash: string;
  versionNumber: number;
  title: string;
  signedCount: number;
  partnerCount: number;
}

/** The confirmation once a signature is recorded. */
export function SignedPanel({ signed }: { signed: SignedData }) {
  return (
    <>
      <Panel title="You have signed the charter">
        For {signed.organisationName}
        <br />
        {signed.signedAt}
      </Panel>
      <p className="govuk-body">
        {signed.signerName} signed {signed.title} (version {signed.versionNumber}) on behalf of {signed.organisationName}. {signed.signedCount} of {signed.partnerCount} partners have now
        signed.
      </p>
      <p className="govuk-body">
        Fingerprint of the text you signed: <code className="app-code app-hash">{signed.textHash}</code>
      </p>
      <p className="govuk-body">We have e-mailed you a receipt.</p>
    </>
  );
}

interface StatePage {
  state: string;
  member: { name: string; organisationName: string };
  signedBy: { signerName: string; signedAt: string } | null;
}

/** Why there is no signature form: already signed, replaced by a newer version, or not on the board. */
export function SigningState({ page }: { page: StatePage }) {
  if (page.state === "already-signed") {
    return (
      <InsetText>
        {page.member.organisationName} has already signed this version: {page.signedBy?.signerName} signed it on {page.signedBy?.signedAt}. A partner signs once.
      </InsetText>
    );
  }
  if (page.state === "superseded") {
    return <InsetText>This version of the charter has been replaced by a newer one, so it can no longer be signed. You will be asked to sign the new version.</InsetText>;
  }
  return <InsetText>{page.member.name} is not a member of the board today, so cannot sign for {page.member.organisationName}. Ask the programme team if this is wrong.</InsetText>;
}
