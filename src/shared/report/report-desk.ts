// What a shared desk adds to a report (src/backend/desk/desk-roles.ts works it out):
// who each claim was assigned to, who gave it a second read, who signed off.
export interface ReportDesk {
  /** The whole article's assignee, when it was assigned as a whole. */
  assignedTo: string | null;
  claims: Record<string, { assignee: string | null; secondReader: string | null }>;
  signedOff: { by: string; at: string } | null;
}
