import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.org."));

export const signInSchema = z.object({ email: emailField });
export type SignInInput = z.infer<typeof signInSchema>;
