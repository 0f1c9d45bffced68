import type { FieldMetadata } from "@conform-to/react";
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { DISCIPLINES, SESSION_MODES } from "~/domain/training";
import { SummaryList } from "./govuk/content";
import { Radios, Select, TextInput } from "./govuk/fields";

/** The training pages' own navigation. */
export function TrainingNav({ slug }: { slug: string }) {
  const { pathname } = useLocation();
  const base = `/a/${slug}/training`;
  const items: Array<{ to: string; label: string; end?: boolean; also?: string }> = [
    { to: base, label: "Overview", end: true },
    { to: `${base}/staff`, label: "Staff" },
    { to: `${base}/courses`, label: "Courses and sessions", also: `${base}/sessions` },
    { to: `${base}/requirements`, label: "Requirements" },
    { to: `${base}/import`, label: "Import" },
  ];
  return (
    <nav className="app-subnav" aria-label="Training">
      <ul className="app-subnav__list">
        {items.map((i) => {
          const current = i.end ? pathname === i.to || pathname === `${i.to}/` : pathname.startsWith(i.to) || Boolean(i.also && pathname.startsWith(i.also));
          return (
            <li key={i.to} className={`app-subnav__item${current ? " app-subnav__item--current" : ""}`}>
              <Link className="govuk-link govuk-link--no-visited-state" to={i.to} aria-current={current ? "page" : undefined}>
                {i.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function TrainingHeading({ authorityName, children, caption = "Training" }: { authorityName: string; children: ReactNode; caption?: string }) {
  return (
    <h1 className="govuk-heading-l">
      <span className="govuk-caption-l">
        {authorityName}: {caption}
      </span>
      {children}
    </h1>
  );
}

type Field = FieldMetadata<any, any, string[]>;

/** The statuses a session's attendance form offers. */
export const ATTENDANCE_CHOICES = ["booked", "attended", "did-not-attend"] as const;

export const DISCIPLINE_OPTIONS = Object.entries(DISCIPLINES).map(([value, label]) => ({ value, label }));
export const MODE_OPTIONS = Object.entries(SESSION_MODES).map(([value, label]) => ({ value, label }));

export type StaffFormValues = Record<"externalRef" | "name" | "discipline" | "teamId" | "startDate" | "leaveDate" | "inScope", string>;
export type SessionFormValues = Record<"startDate" | "endDate" | "mode" | "facilitator" | "capacity" | "location", string>;

/** The fields of a staff member, shared by adding and editing. */
export function StaffFields({ fields, teams }: { fields: Record<keyof StaffFormValues, Field>; teams: Array<{ id: string; name: string }> }) {
  return (
    <>
      <TextInput field={fields.externalRef} label="Reference" hint="The HR or learning system's reference: imports match people by it." width={10} spellCheck={false} autoComplete="off" />
      <TextInput field={fields.name} label="Name or initials" hint="A name, initials or a pseudonym: the service needs nothing more." width={30} autoComplete="off" />
      <Select field={fields.discipline} label="Discipline" options={DISCIPLINE_OPTIONS} placeholder="Select a discipline" />
      <Select field={fields.teamId} label="Team" options={teams.map((t) => ({ value: t.id, label: t.name }))} placeholder="No team" />
      <TextInput field={fields.startDate} label="Start date" hint="First day in post in the FS service." type="date" />
      <TextInput field={fields.leaveDate} label="Last day in post (optional)" hint="The person still counts on this day." type="date" />
      <Radios
        field={fields.inScope}
        legend="Counted in the MI and workshop criteria?"
        legendSize="s"
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
    </>
  );
}

/** The fields of a training session, shared by adding and editing. */
export function SessionFields({ fields }: { fields: Record<keyof SessionFormValues, Field> }) {
  return (
    <>
      <TextInput field={fields.startDate} label="Start date" type="date" />
      <TextInput field={fields.endDate} label="End date (optional)" hint="For a course over several days, such as Motivational Interviewing's two: it counts as done on this day." type="date" />
      <Radios field={fields.mode} legend="Mode" legendSize="s" inline options={MODE_OPTIONS} />
      <TextInput field={fields.facilitator} label="Facilitator (optional)" width={30} />
      <TextInput field={fields.capacity} label="Places (optional)" hint="Leave empty for no limit." type="number" width={4} min={1} inputMode="numeric" />
      <TextInput field={fields.location} label="Location or link (optional)" width={30} />
    </>
  );
}

/** A download link: a plain link, so the browser downloads rather than the app navigating. */
export function CsvLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="govuk-link" href={href} download>
      {children}
    </a>
  );
}

/** What someone saved meanwhile, beside the form that conflicted with it. */
export function SavedMeanwhile({ rows }: { rows: Array<{ key: string; value: ReactNode }> }) {
  return (
    <div className="govuk-inset-text" id="saved-meanwhile">
      <h2 className="govuk-heading-s">Saved by someone else</h2>
      <SummaryList rows={rows} noBorder />
    </div>
  );
}
