import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f3f2f1", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" };
const container = { backgroundColor: "#ffffff", maxWidth: "600px", padding: "24px 32px", borderTop: "8px solid #1d70b8" };
const footer = { color: "#505a5f", fontSize: "14px", lineHeight: "20px" };

/** The frame of every e-mail: plain, readable, no images (many council mail clients block them). */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontSize: "16px", fontWeight: "bold", margin: "0 0 16px" }}>Family Safeguarding tracker</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={footer}>You received this because someone using the Family Safeguarding tracker entered your e-mail address. If you were not expecting it, you can ignore it.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "16px", lineHeight: "24px", color: "#0b0c0c" };
export const button = { backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px", textDecoration: "none", display: "inline-block" };
export const small = { fontSize: "14px", lineHeight: "20px", color: "#505a5f", wordBreak: "break-all" as const };
