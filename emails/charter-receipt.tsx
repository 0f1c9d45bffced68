import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import { button, EmailLayout, paragraph, small } from "./layout";

export interface CharterReceiptEmailProps {
  /** "signed": one partner signed. "fully-signed": every partner has now signed. */
  kind: "signed" | "fully-signed";
  /** The signer gets their own receipt; the programme team gets the news. */
  audience: "signer" | "programme-team";
  authorityName: string;
  title: string;
  versionNumber: number;
  textHash: string;
  signerName: string;
  signerRole: string;
  organisationName: string;
  signedAt: string;
  signedCount: number;
  partnerCount: number;
  /** The certificate page (programme team: they can sign in to it). */
  certificateLink?: string;
}

export function charterReceiptSubject(p: Pick<CharterReceiptEmailProps, "kind" | "audience" | "authorityName" | "organisationName">) {
  if (p.kind === "fully-signed") return `The ${p.authorityName} partnership charter is signed by every partner`;
  return p.audience === "signer" ? `Receipt: you signed the ${p.authorityName} partnership charter` : `${p.organisationName} signed the ${p.authorityName} partnership charter`;
}

export default function CharterReceiptEmail(p: CharterReceiptEmailProps) {
  const heading = p.kind === "fully-signed" ? "Every partner has signed the charter" : p.audience === "signer" ? "You signed the partnership charter" : `${p.organisationName} signed the charter`;
  return (
    <EmailLayout preview={heading}>
      <Heading as="h1" style={{ fontSize: "24px" }}>
        {heading}
      </Heading>
      {p.kind === "fully-signed" ? (
        <Text style={paragraph}>
          All {p.partnerCount} partners of {p.authorityName} have signed {p.title} (version {p.versionNumber}). The last signature was by {p.signerName}, {p.signerRole}, for {p.organisationName}, on {p.signedAt}.
        </Text>
      ) : (
        <Text style={paragraph}>
          {p.audience === "signer" ? "You" : p.signerName} ({p.signerRole}) signed {p.title} (version {p.versionNumber}) of {p.authorityName} on behalf of {p.organisationName}, on {p.signedAt}. {p.signedCount} of{" "}
          {p.partnerCount} partners have now signed.
        </Text>
      )}
      <Text style={paragraph}>The SHA-256 fingerprint of the text signed is {p.textHash}.</Text>
      {p.audience === "signer" ? (
        <Text style={paragraph}>Keep this e-mail as your receipt. If your organisation later withdraws from the charter, tell the programme team: the withdrawal is recorded beside the signature, which is never changed.</Text>
      ) : null}
      {p.certificateLink ? (
        <>
          <Button href={p.certificateLink} style={button}>
            See the certificate
          </Button>
          <Text style={small}>If the button does not work, copy this address into your browser: {p.certificateLink}</Text>
        </>
      ) : null}
    </EmailLayout>
  );
}
