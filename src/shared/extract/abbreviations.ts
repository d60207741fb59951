// Abbreviation classes for news English. Each class answers one question differently:
// may a sentence end after this period when the next word is capitalised?

/** Titles and ranks: always followed by a name, never end a sentence. */
export const TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Mmes', 'Dr', 'Drs', 'Prof', 'Rev', 'Hon', 'Msgr', 'Fr',
  'Gen', 'Gens', 'Lt', 'Col', 'Cols', 'Maj', 'Capt', 'Cmdr', 'Cmdt', 'Adm', 'Brig', 'Sgt', 'Cpl',
  'Pvt', 'Pfc', 'Spc', 'Ens', 'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Govs', 'Pres', 'Supt', 'Det',
  'Insp', 'Atty', 'Amb', 'Sec', 'Mt', 'Ft',
]);

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * Month abbreviations: never end a sentence before a number ("Oct. 1", "Jan. 2022"),
 * in capitals too, as datelines set them ("JAN. 13, 2017").
 */
export const MONTHS: ReadonlySet<string> = new Set([...MONTH_ABBREVIATIONS, ...MONTH_ABBREVIATIONS.map((m) => m.toUpperCase())]);

/** Abbreviations that take a number: "No. 2", "p. 14", "Vol. 3". */
export const BEFORE_NUMBER: ReadonlySet<string> = new Set([
  'No', 'Nos', 'no', 'nos', 'p', 'pp', 'Vol', 'vol', 'Art', 'art', 'Fig', 'fig', 'Ch', 'ch',
  'para', 'paras', 'Ref', 'ref', 'Nr', 'Ex', 'Pt', 'pt', 'Rm', 'Ste', 'Apt', 'Tel', 'tel',
  // The numero sign as typed ("N°. 1026") and as the ordinal indicator ("Nº 5").
  'N°', 'Nº', 'n°', 'nº',
]);

/** Words that never end a sentence whatever follows. */
export const NEVER_FINAL: ReadonlySet<string> = new Set([
  'vs', 'v', 'Vs', 'approx', 'Approx', 'cf', 'viz', 'ca', 'c', 'al', 'e.g', 'i.e', 'E.g', 'I.e',
  'incl', 'esp', 'Esq',
]);

/**
 * Ambiguous abbreviations: they often end a sentence ("moved to the U.S. He …") and often do
 * not ("the U.S. Army"). The splitter ends the sentence only when the next word is a common
 * sentence starter (see STARTERS).
 */
export const AMBIGUOUS: ReadonlySet<string> = new Set([
  'Inc', 'Co', 'Corp', 'Ltd', 'Bros', 'Cos', 'Jr', 'Sr', 'St', 'Ave', 'Blvd', 'Rd', 'Dept',
  'Univ', 'Assn', 'Intl', 'Natl', 'Mfg',
  // States as newspapers abbreviate them, and the party/state tags after lawmakers' names.
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans',
  'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore',
  'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo', 'Ida',
]);

/** a.m./p.m.: end a sentence before a capitalised word unless it continues the time. */
export const TIME_MARKERS: ReadonlySet<string> = new Set(['a.m', 'p.m', 'A.M', 'P.M']);

/**
 * A sentence that is only the time it happened at ("At 5 a.m.", "Shortly after 6 p.m.") is no
 * sentence: the a.m./p.m. that closes such an opening phrase does not end the sentence.
 * Matched against the text from the sentence start up to the a.m./p.m.
 */
export const TIME_PHRASE_OPENING =
  /^["“‘'(]?(?:(?:At|By|Before|After|Until|Till|Around|About|Since|From|Starting at|(?:Shortly|Just|Soon) (?:after|before)) )?\d{1,2}(?:[:.]\d{2})? $/;

/** Words that continue a time expression: "10 a.m. Tuesday", "9 p.m. Eastern". */
export const TIME_CONTINUATIONS: ReadonlySet<string> = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT', 'PT', 'PST', 'PDT', 'GMT', 'UTC',
  'BST', 'CET', 'CEST', 'IST', 'JST', 'Eastern', 'Central', 'Mountain', 'Pacific', 'Greenwich',
  'Moscow', 'Beijing', 'London', 'Paris', 'Tokyo', 'Jerusalem', 'Kyiv',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep',
  'Sept', 'Oct', 'Nov', 'Dec',
]);

/**
 * Capitalised words that almost always begin a sentence rather than continue a name:
 * pronouns, determiners, conjunctions, common adverbs and prepositions.
 */
export const STARTERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', "It's", 'He', 'She', 'They',
  'We', 'I', 'You', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'But', 'And', 'Yet', 'So', 'Or',
  'Nor', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'Without', 'After', 'Before', 'When',
  'While', 'If', 'As', 'Since', 'Although', 'Though', 'Because', 'There', 'Here', 'Some', 'Many',
  'Most', 'All', 'Any', 'Each', 'Every', 'Both', 'Neither', 'Either', 'Few', 'Several', 'Such',
  'Other', 'Another', 'Still', 'However', 'Meanwhile', 'Now', 'Then', 'Today', 'Yesterday',
  'Tomorrow', 'Last', 'Next', 'Later', 'Earlier', 'Also', 'Even', 'Only', 'Not', 'No', 'What',
  'Why', 'How', 'Who', 'Where', 'Which', 'Whether', 'According', 'Under', 'Over', 'During',
  'Despite', 'Until', 'About', 'More', 'Less', 'One', 'Two', 'Three', 'Officials', 'Critics',
  'Analysts', 'Experts', 'Residents', 'Researchers', 'Investigators', 'Prosecutors', 'Lawmakers',
  'Instead', 'Indeed', 'Moreover', 'Thus', 'Therefore', 'Afterward', 'Asked', 'To', 'Once',
  'Among', 'Like', 'Unlike', 'Within', 'Through', 'Throughout', 'Between', 'Against', 'Until',
]);

/** Verbs of speech: after `?"` a name followed by one of these is the same sentence. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'asked', 'asks', 'added', 'adds', 'replied', 'replies', 'shouted', 'shouts',
  'wrote', 'writes', 'told', 'recalled', 'recalls', 'wondered', 'wonders', 'exclaimed',
  'insisted', 'insists', 'continued', 'yelled', 'demanded', 'answered', 'cried', 'joked',
  'jokes', 'laughed', 'whispered', 'snapped', 'pleaded', 'argued', 'argues', 'noted', 'notes',
]);

/**
 * Words after which "2." is a quantity or a reference, not the next item of an inline list:
 * "1. The team scored 2. The others…", "see Figure 2. The chart…".
 */
export const BEFORE_QUANTITY: ReadonlySet<string> = new Set([
  'to', 'by', 'of', 'at', 'from', 'than', 'about', 'over', 'under', 'around', 'nearly', 'almost',
  'just', 'only', 'and', 'or', 'was', 'were', 'is', 'are', 'be', 'been', 'scored', 'won', 'lost',
  'Figure', 'Fig', 'fig', 'Table', 'Chapter', 'Section', 'Article', 'Page', 'page', 'Part', 'Game',
  'Week', 'Round', 'Level', 'Category', 'No', 'no', 'number', 'Number', 'p', 'pp',
]);
