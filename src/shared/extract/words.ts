// Label cues and spelled-out numbers, found by one precompiled regex over the claim (one scan
// instead of one regex per label); each match's word is looked up in a Map for its flags.

export const ATTRIBUTION = 1;
export const PREDICTION = 2;
export const OPINION = 4;
export const NUMBER_WORD = 8;

const CUES = new Map<string, number>();
const add = (flag: number, words: string): void => {
  for (const w of words.split(',')) CUES.set(w, (CUES.get(w) ?? 0) | flag);
};
add(ATTRIBUTION, 'said,says,asked,asks,added,adds,told,tells,wrote,writes,recalled,recalls,replied,explained,noted,argued,argues,insisted,warned,warns,acknowledged,continued,joked,testified,conceded,concedes,countered,cautioned,predicted,estimated,estimates,announced,reported,stated,confirmed,spokesman,spokeswoman,spokesperson,in a statement,according to,data show,data from,records show,figures show');
add(PREDICTION, "will,won't,would,wouldn't,could,couldn't,may,might,likely,unlikely,expects,forecast,forecasts,projected,projects,predict,predicts,anticipate,anticipates,expected to,set to,poised to,plan to,plans to,planning to,going to,due to,on track to");
add(OPINION, "believe,believes,believed,think,thinks,fear,fears,feared,hope,hopes,hoped,feel,feels,should,shouldn't,ought,must,seem,seems,seemed,arguably,perhaps,probably,convinced,doubt,doubts,worry,worries,worried,deserve,deserves,in my view,in our view,in his view,in her view,in their view,I guess,I suppose");
const NUMBERS = 'two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,thirteen,fourteen,fifteen,sixteen,seventeen,eighteen,nineteen,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety,hundred,hundreds,thousand,thousands,dozen,dozens,million,millions,billion,billions,half,twice,double,triple,tripled,doubled,quadrupled';
add(NUMBER_WORD, NUMBERS);

// Sentence-initial capitals ("Could", "Three") match too; "May" and "Will" do not, being far
// more often a month or a name than the modal verb. Longest alternatives first.
const alternatives = [...CUES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => {
    const e = w.replace(/'/g, "['’]");
    return w === 'may' || w === 'will' || w.startsWith('I ') ? e : `[${w[0]}${w[0]!.toUpperCase()}]${e.slice(1)}`;
  });
const CUE_RE = new RegExp(String.raw`\b(?:${alternatives.join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b`, 'g');

export interface WordScan {
  flags: number;
  /** [start, end) pairs of spelled-out number runs ("four", "two dozen", "twenty-five"). */
  numberWords: number[];
}

export function scanWords(claim: string): WordScan {
  let flags = 0;
  const numberWords: number[] = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(claim); m; m = CUE_RE.exec(claim)) {
    let w = m[0];
    const dash = w.indexOf('-');
    if (dash > 0) w = w.slice(0, dash);
    let f = CUES.get(w);
    if (f === undefined) f = CUES.get(w.replace('’', "'").toLowerCase()) ?? 0;
    if (dash > 0 && (f & NUMBER_WORD) === 0) continue;
    flags |= f;
    if (f & NUMBER_WORD) {
      const s = m.index;
      const e = s + m[0].length;
      // "two dozen": extend the previous run when only a space separates them.
      const last = numberWords.length;
      if (last > 0 && numberWords[last - 1] === s - 1) numberWords[last - 1] = e;
      else numberWords.push(s, e);
    }
  }
  return { flags, numberWords };
}
