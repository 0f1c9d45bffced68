import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeResend {
  url: string;
  /** Every e-mail the app asked Resend to send. */
  sent: Array<{ authorization: string | undefined; body: { from: string; to: string | string[]; subject: string; html: string; text: string } }>;
  /** Make the next sends fail with this HTTP status. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

/** A local stand-in for Resend's HTTP API (POST /emails), so the real SDK path runs in tests. */
export async function startFakeResend(): Promise<FakeResend> {
  const sent: FakeResend["sent"] = [];
  let failure: number | null = null;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "not_found", message: "Not found", statusCode: 404 }));
        return;
      }
      if (failure) {
        res.writeHead(failure, { "Content-Type": "application/json" }).end(JSON.stringify({ name: "application_error", message: "Fake failure", statusCode: failure }));
        return;
      }
      sent.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `fake-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    failWith: (status) => (failure = status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
