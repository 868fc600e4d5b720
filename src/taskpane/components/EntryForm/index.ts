export { EntryForm } from "./EntryForm";
export type { EntryFormProps, EntryFormState, EntryChangeEventData } from "./EntryForm.types";
export { useEntryForm, issueField } from "./useEntryForm";
