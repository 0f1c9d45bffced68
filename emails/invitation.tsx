import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import { button, EmailLayout, paragraph, small } from "./layout";

export interface InvitationEmailProps {
  inviterName: string;
  authorityName: string;
  roleLabel: string;
  link: string;
  expiresOn: string;
}

export function invitationSubject(p: Pick<InvitationEmailProps, "authorityName">) {
  return `You have been invited to ${p.authorityName} on the Family Safeguarding tracker`;
}

export default function InvitationEmail({ inviterName, authorityName, roleLabel, link, expiresOn }: InvitationEmailProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${authorityName}`}>
      <Heading as="h1" style={{ fontSize: "24px" }}>
        Join {authorityName}
      </Heading>
      <Text style={paragraph}>
        {inviterName} has invited you to the Family Safeguarding tracker for {authorityName}, as {roleLabel.toLowerCase()}.
      </Text>
      <Button href={link} style={button}>
        Accept the invitation
      </Button>
      <Text style={paragraph}>The link works once and expires on {expiresOn}.</Text>
      <Text style={small}>If the button does not work, copy this address into your browser: {link}</Text>
    </EmailLayout>
  );
}
