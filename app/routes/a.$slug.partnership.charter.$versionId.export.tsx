import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireMembership } from "~/auth/guards.server";
import { csvResponse, toCsv } from "~/csv.server";
import { certificateRecords, idParam, orHttpError } from "~/services/partnership/route-data.server";
import { getCertificate } from "~/services/partnership/views.server";
import { formatSchema } from "~/schemas/routes/a.$slug.partnership.charter.$versionId.export.server";

/**
 * The certificate's downloads, for a published version: ?format=csv (the signatures),
 * ?format=trail-csv (the audit trail) and ?format=txt (the canonical text, byte for byte as
 * hashed, so that anyone can check the fingerprint). A resource route: a page's loader cannot
 * answer with a file. E-mail and IP addresses, browsers and who did what: programme team only.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const format = formatSchema.safeParse(new URL(args.request.url).searchParams.get("format"));
  if (!format.success) throw notFound();
  const c = await orHttpError(getCertificate(access.tenant, idParam(args.params, "versionId")));
  const canManage = access.can("charter:manage");
  const name = `${access.authority.slug}-charter-v${c.version.number}`;

  if (format.data === "txt") {
    return new Response(c.version.canonicalText, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.txt"`, "Cache-Control": "no-store" },
    });
  }
  const { signatures, trail } = certificateRecords(c, canManage);
  if (format.data === "csv") {
    type Signature = (typeof signatures)[number];
    return csvResponse(
      `${name}-signatures.csv`,
      toCsv(signatures, [
        { header: "Organisation", value: (s) => s.organisationName },
        { header: "Signer name", value: (s) => s.signerName },
        { header: "Signer job title", value: (s) => s.signerRole },
        { header: "Signed at (UTC)", value: (s) => s.signedAtUtc },
        { header: "Method", value: (s) => s.method },
        { header: "SHA-256 of text shown", value: (s) => s.textHash },
        { header: "Consent statement", value: (s) => s.consentStatement },
        { header: "Withdrawn at (UTC)", value: (s) => s.withdrawnAtUtc },
        { header: "Withdrawal reason", value: (s) => s.withdrawalReason },
        ...(canManage
          ? [
              { header: "Signer email", value: (s: Signature) => s.signerEmail },
              { header: "IP address", value: (s: Signature) => s.ip },
              { header: "Browser", value: (s: Signature) => s.userAgent },
            ]
          : []),
      ]),
    );
  }
  return csvResponse(
    `${name}-audit-trail.csv`,
    toCsv(trail, [
      { header: "When (UTC)", value: (e) => e.atUtc },
      { header: "Event", value: (e) => e.action },
      { header: "What", value: (e) => e.what },
      ...(canManage ? [{ header: "Who", value: (e: (typeof trail)[number]) => e.who }] : []),
    ]),
  );
}
