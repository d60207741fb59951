// Turns a zod failure into the one sentence a person can act on: which field,
// and what is wrong with it.
import type { z } from 'zod';

export function describeZodError(error: z.ZodError, subject: string): string {
  const issue = error.issues[0];
  if (!issue) return `${subject} is not valid.`;
  const path = issue.path.map(String).join('.');
  const where = path ? `${subject}: field “${path}”` : subject;
  return `${where}: ${plainWords(issue) ?? lowerFirst(issue.message)}.`.replace(/\.\.$/, '.');
}

/**
 * zod's own wording for a text that is empty or too long ("Too small: expected string to
 * have >=1 characters"), said as a person would; a schema's own message is kept as written.
 */
function plainWords(issue: z.core.$ZodIssue): string | null {
  if (issue.code === 'too_small' && issue.origin === 'string' && /^Too small: expected string/.test(issue.message)) {
    return Number(issue.minimum) <= 1 ? 'empty' : `shorter than ${Number(issue.minimum).toLocaleString('en-US')} characters`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string' && /^Too big: expected string/.test(issue.message)) {
    return `longer than ${Number(issue.maximum).toLocaleString('en-US')} characters`;
  }
  return null;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
