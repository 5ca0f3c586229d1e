import { z } from "zod";

/** What a form's Server Action returns to `useActionState`: errors by field and the values typed. */
export interface FormState<F extends string = string> {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
}

export const idleState: FormState = { status: "idle" };

/** The submitted text values, to show them again after an error. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

export function errorState<F extends string>(
  formData: FormData,
  { fieldErrors, message }: { fieldErrors?: Partial<Record<F, string[]>>; message?: string },
): FormState<F> {
  return {
    status: "error",
    fieldErrors,
    message: message ?? "Some fields need your attention.",
    values: formValues(formData) as Partial<Record<F, string>>,
  };
}

export function zodErrorState<F extends string>(formData: FormData, error: z.ZodError): FormState<F> {
  return errorState<F>(formData, { fieldErrors: z.flattenError(error).fieldErrors as Partial<Record<F, string[]>> });
}
