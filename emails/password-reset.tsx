import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import { button, EmailLayout, paragraph, small } from "./layout";

export interface PasswordResetEmailProps {
  name: string;
  link: string;
  expiresAt: string;
}

export const passwordResetSubject = "Reset your Family Safeguarding tracker password";

export default function PasswordResetEmail({ name, link, expiresAt }: PasswordResetEmailProps) {
  return (
    <EmailLayout preview="Reset your password">
      <Heading as="h1" style={{ fontSize: "24px" }}>
        Reset your password
      </Heading>
      <Text style={paragraph}>Hello {name}, someone asked to reset the password of your account. If it was you, choose a new password:</Text>
      <Button href={link} style={button}>
        Choose a new password
      </Button>
      <Text style={paragraph}>The link works once and expires at {expiresAt}. If you did not ask for this, ignore this e-mail: your password stays as it is.</Text>
      <Text style={small}>If the button does not work, copy this address into your browser: {link}</Text>
    </EmailLayout>
  );
}
