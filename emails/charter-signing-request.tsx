import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import { button, EmailLayout, paragraph, small } from "./layout";

export interface CharterSigningRequestEmailProps {
  authorityName: string;
  boardName: string;
  memberName: string;
  organisationName: string;
  title: string;
  versionNumber: number;
  textHash: string;
  link: string;
  expiresOn: string;
  /** A reminder rather than the first request. */
  reminder: boolean;
}

export function charterSigningRequestSubject(p: Pick<CharterSigningRequestEmailProps, "authorityName" | "reminder">) {
  return `${p.reminder ? "Reminder: please" : "Please"} sign the ${p.authorityName} partnership charter`;
}

export default function CharterSigningRequestEmail(p: CharterSigningRequestEmailProps) {
  return (
    <EmailLayout preview={`${p.boardName}: the partnership charter is ready to sign for ${p.organisationName}`}>
      <Heading as="h1" style={{ fontSize: "24px" }}>
        {p.reminder ? "A reminder: the partnership charter is waiting for your signature" : "Please sign the partnership charter"}
      </Heading>
      <Text style={paragraph}>
        Hello {p.memberName}, {p.authorityName}'s {p.boardName} asks each partner to sign its charter. As a board member for {p.organisationName}, you can sign it for your
        organisation.
      </Text>
      <Text style={paragraph}>
        {p.title} (version {p.versionNumber}). Its SHA-256 fingerprint is {p.textHash}: the page shows the full text with the same fingerprint, so you can check it is the text you sign.
      </Text>
      <Button href={p.link} style={button}>
        Read and sign the charter
      </Button>
      <Text style={paragraph}>
        The link is personal to you. Opening it does not sign anything; it works until {p.expiresOn}, once. {p.reminder ? "Any earlier link you were sent no longer works." : ""}
      </Text>
      <Text style={small}>If the button does not work, copy this address into your browser: {p.link}</Text>
    </EmailLayout>
  );
}
