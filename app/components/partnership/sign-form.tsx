import type { SubmissionResult } from "@conform-to/react";
import { AppForm, SubmitButton, useServerForm } from "../forms";
import { Checkbox, TextInput } from "../govuk/fields";

export interface SignFormData {
  versionId: string;
  textHash: string;
  member: { name: string; jobTitle: string; organisationName: string };
  consent: string;
}

/**
 * The signature form, the same on the e-mailed link and in the app: the signer confirms their
 * name, job title and organisation, and ticks the statement that they sign on its behalf. The
 * version and the hash of the text shown go back with it, so a changed text cannot be signed.
 */
export function SignForm({ data, lastResult }: { data: SignFormData; lastResult?: SubmissionResult<string[]> | null }) {
  const { form, fields, summary } = useServerForm<{ signerName: string; signerRole: string; organisationName: string; consent: string }>({
    id: "sign-charter",
    lastResult,
    defaultValue: { signerName: data.member.name, signerRole: data.member.jobTitle, organisationName: data.member.organisationName },
  });
  return (
    <AppForm form={form} summary={summary}>
      <h2 className="govuk-heading-m">Sign the charter</h2>
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="versionId" value={data.versionId} />
      <input type="hidden" name="textHash" value={data.textHash} />
      <TextInput field={fields.signerName} label="Your full name" autoComplete="name" spellCheck={false} />
      <TextInput field={fields.signerRole} label="Your job title" autoComplete="organization-title" />
      <TextInput field={fields.organisationName} label="The organisation you sign for" hint="The organisation this request was sent for. To sign for another one, ask the programme team." autoComplete="organization" />
      <Checkbox field={fields.consent} value="yes" label={data.consent} />
      <p className="govuk-body">
        Your name, job title, organisation, the time, your IP address and browser, and the fingerprint of the text above are recorded with your signature. A signature cannot be
        changed or deleted; your organisation can withdraw it later.
      </p>
      <SubmitButton>Sign the charter</SubmitButton>
    </AppForm>
  );
}
