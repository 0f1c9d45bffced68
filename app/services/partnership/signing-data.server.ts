import { formatDate, formatDateTime, londonDate } from "../../domain/dates";
import type { SignedResult, SigningPage } from "./sign-charter.server";

/** A signing page as the browser gets it: dates already in UK format. */
export function signingPageData(page: SigningPage) {
  return {
    authorityName: page.authorityName,
    boardName: page.boardName,
    version: { ...page.version, publishedAt: undefined, publishedOn: formatDate(londonDate(page.version.publishedAt)) },
    member: page.member,
    state: page.state,
    signedBy: page.signedBy ? { signerName: page.signedBy.signerName, signedAt: formatDateTime(page.signedBy.signedAt) } : null,
    withdrawnAt: page.withdrawnAt ? formatDateTime(page.withdrawnAt) : null,
    consent: page.consent,
  };
}

export type SigningPageData = ReturnType<typeof signingPageData>;

export function signedData(s: SignedResult) {
  return { ...s, signedAt: formatDateTime(s.signedAt) };
}
