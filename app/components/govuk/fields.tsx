import type { FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * GOV.UK form fields bound to Conform's field metadata: label, hint, the error beside the field
 * and the submitted value kept after a failed submission (nothing the user typed is lost).
 */
type Field = FieldMetadata<any, any, string[]>;

function describedBy(field: Field, hint: ReactNode | undefined) {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ field, label, hint, children, labelSize, pageHeading }: { field: Field; label: ReactNode; hint?: ReactNode; children: ReactNode; labelSize?: "s" | "m" | "l"; pageHeading?: boolean }) {
  const labelEl = (
    <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ""}`} htmlFor={field.id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${field.errors?.length ? " govuk-form-group--error" : ""}`}>
      {pageHeading ? <h1 className="govuk-label-wrapper">{labelEl}</h1> : labelEl}
      {hint ? (
        <div id={`${field.id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError field={field} />
      {children}
    </div>
  );
}

export function FieldError({ field }: { field: Field }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {field.errors[0]}
    </p>
  );
}

function stringValue(field: Field): string | undefined {
  const v = field.initialValue;
  return typeof v === "string" ? v : v == null ? undefined : String(v);
}

export function TextInput({
  field,
  label,
  hint,
  type = "text",
  width,
  labelSize,
  pageHeading,
  ...rest
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "date" | "url" | "tel" | "search";
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  labelSize?: "s" | "m" | "l";
  pageHeading?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "width" | "form">) {
  const hasError = Boolean(field.errors?.length);
  return (
    <FieldShell field={field} label={label} hint={hint} labelSize={labelSize} pageHeading={pageHeading}>
      <input
        key={field.key}
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${hasError ? " govuk-input--error" : ""}`}
        id={field.id}
        name={field.name}
        type={type}
        defaultValue={type === "password" ? undefined : stringValue(field)}
        aria-describedby={describedBy(field, hint)}
        aria-invalid={hasError || undefined}
        {...rest}
      />
    </FieldShell>
  );
}

export function Textarea({ field, label, hint, rows = 5, labelSize }: { field: Field; label: ReactNode; hint?: ReactNode; rows?: number; labelSize?: "s" | "m" | "l" }) {
  const hasError = Boolean(field.errors?.length);
  return (
    <FieldShell field={field} label={label} hint={hint} labelSize={labelSize}>
      <textarea
        key={field.key}
        className={`govuk-textarea${hasError ? " govuk-textarea--error" : ""}`}
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={stringValue(field)}
        aria-describedby={describedBy(field, hint)}
        aria-invalid={hasError || undefined}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function Select({ field, label, hint, options, placeholder }: { field: Field; label: ReactNode; hint?: ReactNode; options: Option[]; placeholder?: string }) {
  const hasError = Boolean(field.errors?.length);
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select
        key={field.key}
        className={`govuk-select${hasError ? " govuk-select--error" : ""}`}
        id={field.id}
        name={field.name}
        defaultValue={stringValue(field) ?? ""}
        aria-describedby={describedBy(field, hint)}
        aria-invalid={hasError || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

function ChoiceFieldset({ field, legend, hint, children, legendSize }: { field: Field; legend: ReactNode; hint?: ReactNode; children: ReactNode; legendSize?: "s" | "m" | "l" }) {
  const hasError = Boolean(field.errors?.length);
  return (
    <div className={`govuk-form-group${hasError ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(field, hint)}>
        <legend className={`govuk-fieldset__legend${legendSize ? ` govuk-fieldset__legend--${legendSize}` : ""}`}>{legend}</legend>
        {hint ? (
          <div id={`${field.id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <FieldError field={field} />
        {children}
      </fieldset>
    </div>
  );
}

export function Radios({ field, legend, hint, options, inline, legendSize }: { field: Field; legend: ReactNode; hint?: ReactNode; options: Option[]; inline?: boolean; legendSize?: "s" | "m" | "l" }) {
  const current = stringValue(field);
  return (
    <ChoiceFieldset field={field} legend={legend} hint={hint} legendSize={legendSize}>
      <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}`} data-module="govuk-radios" key={field.key}>
        {options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${i + 1}`;
          return (
            <div className="govuk-radios__item" key={o.value}>
              <input className="govuk-radios__input" id={id} name={field.name} type="radio" value={o.value} defaultChecked={current === o.value} aria-describedby={o.hint ? `${id}-hint` : undefined} />
              <label className="govuk-label govuk-radios__label" htmlFor={id}>
                {o.label}
              </label>
              {o.hint ? (
                <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                  {o.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

export function Checkboxes({ field, legend, hint, options, legendSize }: { field: Field; legend: ReactNode; hint?: ReactNode; options: Option[]; legendSize?: "s" | "m" | "l" }) {
  const raw = field.initialValue;
  const current = new Set(Array.isArray(raw) ? raw.map(String) : raw == null ? [] : [String(raw)]);
  return (
    <ChoiceFieldset field={field} legend={legend} hint={hint} legendSize={legendSize}>
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes" key={field.key}>
        {options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${i + 1}`;
          return (
            <div className="govuk-checkboxes__item" key={o.value}>
              <input className="govuk-checkboxes__input" id={id} name={field.name} type="checkbox" value={o.value} defaultChecked={current.has(o.value)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                {o.label}
              </label>
              {o.hint ? <div className="govuk-hint govuk-checkboxes__hint">{o.hint}</div> : null}
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

/** A single checkbox, e.g. "I confirm ...". */
export function Checkbox({ field, label, hint, value = "on" }: { field: Field; label: ReactNode; hint?: ReactNode; value?: string }) {
  const hasError = Boolean(field.errors?.length);
  return (
    <div className={`govuk-form-group${hasError ? " govuk-form-group--error" : ""}`}>
      <FieldError field={field} />
      <div className="govuk-checkboxes govuk-checkboxes--small" key={field.key}>
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={field.id}
            name={field.name}
            type="checkbox"
            value={value}
            defaultChecked={stringValue(field) === value}
            aria-describedby={describedBy(field, hint)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={field.id}>
            {label}
          </label>
          {hint ? (
            <div id={`${field.id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
