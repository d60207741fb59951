// Turns a zod failure into the one sentence a person can act on: which field,
// and what is wrong with it.
import type { z } from 'zod';

export function describeZodError(error: z.ZodError, subject: string): string {
  const issue = error.issues[0];
  if (!issue) return `${subject} is not valid.`;
  const path = issue.path.map(String).join('.');
  const where = path ? `${subject}: field “${path}”` : subject;
  return `${where}: ${lowerFirst(issue.message)}.`.replace(/\.\.$/, '.');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
