import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * After a 409 (someone else saved first) reload the page's data even though the action failed,
 * so the form carries the current version: the user's input stays in the form, and saving again
 * is a deliberate overwrite. (Single fetch otherwise skips revalidation after 4xx answers.)
 */
export const revalidateOnConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;
