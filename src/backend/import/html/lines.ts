// What a line of a page says it is, from its words alone: a label heading ("References",
// "See also"), a reference, a byline ("By Jo Park", "Posted by …"), a date, a bare label
// waiting for its value ("By", "Last updated:"), an author's sign-off ("— bkuhn").

// Headings that label the page's apparatus rather than say anything: set aside as labels.
const LABEL_HEADING =
  /^(?:contents|table of contents|in this (?:article|story|page)|on this page|jump to|references|notes|footnotes|citations|sources|works cited|bibliography|further reading|external links|sources (?:and|&) links|useful links|further resources|see also|related|related (?:articles|stories|links|content|posts|reading|searches|videos|topics)|(?:popular|recent|latest|trending|top) (?:searches|posts|articles|stories|videos)|more stories|more on this(?: story)?|read more|comments|\d+ comments?|responses|leave a (?:reply|comment)|share this(?: article| story| post)?|share|tags|topics|categories|navigation|navigation menu|also read|recommended|you may also like|you might also like|most popular|most read|trending|newsletter|sign up)$/i;
const CONTENTS_HEADING = /^(?:contents|table of contents|in this (?:article|story|page)|on this page|jump to)$/i;
const REFERENCE_HEADING = /^(?:references|notes|footnotes|citations|sources|works cited|bibliography|further reading|external links|notes and references|references and notes|sources and further reading|sources (?:and|&) links|links|resources|further resources|useful links|citations and notes|sources and notes)$/i;
const LINKS_HEADING = /^(?:see also|related|related (?:articles|stories|links|content|posts|reading|searches|videos|topics)|(?:popular|recent|latest|trending|top) (?:searches|posts|articles|stories|videos)|more stories|more on this(?: story)?|read more|also read|recommended|you may also like|you might also like|most popular|most read|trending|tags|topics|categories)$/i;
// A reference: "^ Smith, J. (2001)…", a year in brackets, a DOI, "Retrieved", an ISBN, pages, an address.
const REFERENCE_LINE = /^(?:\^|\[\d+\]|\d{1,3}[.)]\s)|\((?:1[5-9]|20)\d{2}\w?\)|\bdoi\b|\bRetrieved\b|\bISBN\b|\bpp?\.\s?\d|https?:\/\/|\barchived\b|\bAccessed\b/iu;
const DATE_TEXT = /\b(?:\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:19|20)\d{2}\b|updated|published|posted)/i;


export const isLabelHeading = (label: string): boolean =>
  LABEL_HEADING.test(label) || CONTENTS_HEADING.test(label) || REFERENCE_HEADING.test(label) || LINKS_HEADING.test(label);

/** What the list under a label heading is: a table of contents, references, or links to other pages. */
export function apparatusOf(label: string): 'contents' | 'reference' | 'furniture' | null {
  if (CONTENTS_HEADING.test(label)) return 'contents';
  if (REFERENCE_HEADING.test(label)) return 'reference';
  if (LINKS_HEADING.test(label)) return 'furniture';
  return null;
}

export const isReferenceLine = (line: string): boolean => REFERENCE_LINE.test(line);
export const hasDateText = (line: string): boolean => DATE_TEXT.test(line);

// "By", "Written by:", "Last updated:": a label whose value is the next paragraph.
export const SIGN_OFF = /^[—–~-]\s*[\p{L}@][\p{L}\p{N}@._'’-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,2}$/u;
export const ABOUT_AUTHOR = /^about (?:the )?(?:author|writer|contributor)s?\b/i;
export const BARE_LABEL = /^(?:by|written by|posted by|words by|story by|text by|reviewed by|last updated|updated|published|posted|date|first published)\s*:?$/i;
const BYLINE_START = /^(?:(?:\p{L}+\s+){0,2})?by:?\s+(?=\p{Lu}|@)/iu;
/** "By Jo Park", "Posted by Jo Park", "Reviewed by Dr. Lee": a name after "by", not a date ("By April 28, …"). */
export const isBylineLine = (line: string): boolean => {
  const m = BYLINE_START.exec(line);
  return m !== null && !DATE_LINE.test(line.slice(m[0].length));
};
// "James Akinaka", "Jo Park •": two to four capitalised words, a name.
export const NAME_SHAPED = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}[\s•·|,]*$/u;
export const BY_NAME = /\bby:?\s+(?:\p{Lu}[\p{L}'’.-]+|@\w+)/u;
const MONTH_WORD = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
export const DATE_LINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last updated|first published|modified)\b|(?:\p{L}+day,?\s+)?(?:\d{1,2}\s+${MONTH_WORD}|${MONTH_WORD}\s+\d{1,2})\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b)`,
  'iu',
);

