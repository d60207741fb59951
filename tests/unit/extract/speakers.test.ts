import { describe, expect, it } from 'vitest';
import { extractSegments, prepareText } from '../../../src/shared/extract';
import { attributeSpeakers } from '../../../src/shared/extract/speakers';

type Row = [text: string, speaker: string | undefined];

/** The claims of an article body and their speakers ("Body" keeps the text out of the headline). */
const speakers = (body: string): Row[] =>
  extractSegments(prepareText(`Body\n\n${body}`))
    .filter((s) => !s.setAside)
    .map((s): Row => [s.text, s.speaker])
    .slice(1);

describe('speakers: a quotation of several sentences is one unit', () => {
  it('gives every sentence the speaker named after the quotation', () => {
    expect(speakers('“We lost everything. The house, the car. Nobody came,” said Marisol Ventura, whose home in Pell City flooded twice in a year.')).toEqual([
      ['“We lost everything.', 'Marisol Ventura'],
      ['The house, the car.', 'Marisol Ventura'],
      ['Nobody came,” said Marisol Ventura, whose home in Pell City flooded twice in a year.', 'Marisol Ventura'],
    ]);
  });

  it('gives every sentence the speaker of "she said" after the quotation', () => {
    expect(speakers('Marisol Ventura, 61, has lived on Creek Road since 1989.\n\n“We lost everything. The house, the car. Nobody came,” she said.')).toEqual([
      ['Marisol Ventura, 61, has lived on Creek Road since 1989.', undefined],
      ['“We lost everything.', 'Marisol Ventura'],
      ['The house, the car.', 'Marisol Ventura'],
      ['Nobody came,” she said.', 'Marisol Ventura'],
    ]);
  });

  it('takes the attribution before the quotation, after a colon', () => {
    expect(speakers('At a news conference on Friday, Ms. Okafor said: “We will appeal. The ruling is wrong.”')).toEqual([
      ['At a news conference on Friday, Ms. Okafor said: “We will appeal.', 'Ms. Okafor'],
      ['The ruling is wrong.”', 'Ms. Okafor'],
    ]);
  });

  it('takes the attribution in the middle for the quotation that goes on after it', () => {
    expect(speakers('Ms. Okafor was blunt. “We will appeal,” she said. “The ruling is wrong.”')).toEqual([
      ['Ms. Okafor was blunt.', undefined],
      ['“We will appeal,” she said.', 'Ms. Okafor'],
      ['“The ruling is wrong.”', 'Ms. Okafor'],
    ]);
  });

  it('takes a paraphrase naming the speaker for the quotation right after it', () => {
    expect(speakers('Ms. Okafor said the union would appeal. “The ruling is wrong. We will say so in court.”')).toEqual([
      ['Ms. Okafor said the union would appeal.', 'Ms. Okafor'],
      ['“The ruling is wrong.', 'Ms. Okafor'],
      ['We will say so in court.”', 'Ms. Okafor'],
    ]);
  });
});

describe('speakers: pronouns', () => {
  it('resolves "he said" to the person named in the previous paragraph', () => {
    expect(speakers('Deputy Chief Harold Brink oversaw the search for eleven days.\n\n“We checked every culvert. We found nothing,” he said.')).toEqual([
      ['Deputy Chief Harold Brink oversaw the search for eleven days.', undefined],
      ['“We checked every culvert.', 'Deputy Chief Harold Brink'],
      ['We found nothing,” he said.', 'Deputy Chief Harold Brink'],
    ]);
  });

  it('resolves a pronoun to the subject, not to a person only mentioned earlier in the paragraph', () => {
    expect(speakers('President Adeyemi flew to Oslo on Monday. Foreign Minister Lars Halvorsen met him at the airport. “We talk every week,” he said.')).toEqual([
      ['President Adeyemi flew to Oslo on Monday.', undefined],
      ['Foreign Minister Lars Halvorsen met him at the airport.', undefined],
      ['“We talk every week,” he said.', 'Foreign Minister Lars Halvorsen'],
    ]);
  });

  it('leaves "she said" without a speaker when nobody is named nearby', () => {
    expect(speakers('The levee held through the night.\n\n“It was close,” she told Reuters.')).toEqual([
      ['The levee held through the night.', undefined],
      ['“It was close,” she told Reuters.', undefined],
    ]);
  });
});

describe('speakers: the listener is never the speaker', () => {
  it('does not take the news agency of "told Reuters" or "told The Associated Press"', () => {
    expect(speakers('Ana Beltrán runs the bakery on Dock Street. “The water came in through the floor,” she told Reuters.')).toEqual([
      ['Ana Beltrán runs the bakery on Dock Street.', undefined],
      ['“The water came in through the floor,” she told Reuters.', 'Ana Beltrán'],
    ]);
    expect(speakers('Mr. Ferris told The Associated Press that the mill would close in March.')).toEqual([
      ['Mr. Ferris told The Associated Press that the mill would close in March.', 'Mr. Ferris'],
    ]);
    expect(speakers('“We are not going anywhere,” Chief Nkem Okonjo told reporters on Tuesday.')).toEqual([
      ['“We are not going anywhere,” Chief Nkem Okonjo told reporters on Tuesday.', 'Chief Nkem Okonjo'],
    ]);
  });

  it('does not take the person "told" or "asked"', () => {
    expect(speakers('Mr. Lindqvist told Governor Paula Stroud that the dam would not hold.')).toEqual([
      ['Mr. Lindqvist told Governor Paula Stroud that the dam would not hold.', 'Mr. Lindqvist'],
    ]);
    expect(speakers('At the hearing, Senator Ruth Calder asked Dr. Imani Cole whether the pumps had failed.')).toEqual([
      ['At the hearing, Senator Ruth Calder asked Dr. Imani Cole whether the pumps had failed.', 'Senator Ruth Calder'],
    ]);
    expect(speakers('“I said it to Mayor Brandt,” Mr. Pruitt said to the council.')).toEqual([
      ['“I said it to Mayor Brandt,” Mr. Pruitt said to the council.', 'Mr. Pruitt'],
    ]);
  });

  it('takes the speaker of "according to remarks X made to Y"', () => {
    expect(speakers('The company will cut 300 jobs, according to remarks Ms. Varga made to The Financial Ledger on Monday.')).toEqual([
      ['The company will cut 300 jobs, according to remarks Ms. Varga made to The Financial Ledger on Monday.', 'Ms. Varga'],
    ]);
  });

  it('takes the subject of "said of President X", not X', () => {
    expect(speakers('“He has been a steady partner,” Mr. Halvorsen said of President Adeyemi. “We talk every week.”')).toEqual([
      ['“He has been a steady partner,” Mr. Halvorsen said of President Adeyemi.', 'Mr. Halvorsen'],
      ['“We talk every week.”', 'Mr. Halvorsen'],
    ]);
    expect(speakers('President Adeyemi had asked for a pause.\n\n“We cannot stop now. Not after this,” Defense Minister Tomas Riel said of the president’s request.')).toEqual([
      ['President Adeyemi had asked for a pause.', undefined],
      ['“We cannot stop now.', 'Defense Minister Tomas Riel'],
      ['Not after this,” Defense Minister Tomas Riel said of the president’s request.', 'Defense Minister Tomas Riel'],
    ]);
  });

  it('does not take a name inside the quotation for the speaker', () => {
    expect(speakers('“President Adeyemi asked us to wait,” Ms. Ortiz said.')).toEqual([
      ['“President Adeyemi asked us to wait,” Ms. Ortiz said.', 'Ms. Ortiz'],
    ]);
  });

  it('keeps "said Title Name" with the speaker after the verb', () => {
    expect(speakers('“We are not doing this for us,” said Mayor Celia Brandt, who cast the deciding vote.')).toEqual([
      ['“We are not doing this for us,” said Mayor Celia Brandt, who cast the deciding vote.', 'Mayor Celia Brandt'],
    ]);
  });
});

describe('speakers: several speakers and unnamed ones', () => {
  it('follows two speakers alternating in one paragraph', () => {
    expect(speakers('“Are the pumps working?” asked Councilwoman Dana Reyes. “Two of the three are,” replied Mr. Pruitt, the public works director. “Then why is Elm Street under water?” Ms. Reyes asked. “It rained four inches in an hour,” he said.')).toEqual([
      ['“Are the pumps working?” asked Councilwoman Dana Reyes.', 'Councilwoman Dana Reyes'],
      ['“Two of the three are,” replied Mr. Pruitt, the public works director.', 'Mr. Pruitt'],
      ['“Then why is Elm Street under water?” Ms. Reyes asked.', 'Ms. Reyes'],
      ['“It rained four inches in an hour,” he said.', 'Mr. Pruitt'],
    ]);
  });

  it('answers "she said" after "X asked Ms. Y" with the woman asked', () => {
    expect(speakers('“Is it safe?” Mr. Pruitt asked Ms. Reyes. “Not yet,” she said.')).toEqual([
      ['“Is it safe?” Mr. Pruitt asked Ms. Reyes.', 'Mr. Pruitt'],
      ['“Not yet,” she said.', 'Ms. Reyes'],
    ]);
  });

  it('gives "officials said" and "a spokesman said" no speaker, and does not carry an earlier one over', () => {
    expect(speakers('Mayor Celia Brandt said the money had been spent.\n\nCity officials said the audit was late. “We will review every invoice. All of them,” a spokeswoman said.')).toEqual([
      ['Mayor Celia Brandt said the money had been spent.', 'Mayor Celia Brandt'],
      ['City officials said the audit was late.', undefined],
      ['“We will review every invoice.', undefined],
      ['All of them,” a spokeswoman said.', undefined],
    ]);
    expect(speakers('“The bridge is safe,” officials said. “It will reopen in June.”')).toEqual([
      ['“The bridge is safe,” officials said.', undefined],
      ['“It will reopen in June.”', undefined],
    ]);
  });

  it('gives a name mentioned in a paragraph without a quotation no speaker', () => {
    expect(speakers('Governor Paula Stroud signed the bill on Tuesday. The law takes effect in January and cites Dr. Imani Cole’s study twice.')).toEqual([
      ['Governor Paula Stroud signed the bill on Tuesday.', undefined],
      ['The law takes effect in January and cites Dr. Imani Cole’s study twice.', undefined],
    ]);
  });

  it('gives an unattributed quotation after a sentence that only names someone no speaker', () => {
    expect(speakers('Ms. Okafor left the courthouse at noon. “The ruling is wrong.”')).toEqual([
      ['Ms. Okafor left the courthouse at noon.', undefined],
      ['“The ruling is wrong.”', undefined],
    ]);
  });
});

describe('speakers: quotations running across paragraphs', () => {
  it('continues the speaker into the next paragraph when the quotation was left open', () => {
    expect(speakers('Sgt. Rafael Ortiz said: “The water rose fast. We had minutes.\n\n“By midnight the road was gone. Nobody could get out.”')).toEqual([
      ['Sgt. Rafael Ortiz said: “The water rose fast.', 'Sgt. Rafael Ortiz'],
      ['We had minutes.', 'Sgt. Rafael Ortiz'],
      ['“By midnight the road was gone.', 'Sgt. Rafael Ortiz'],
      ['Nobody could get out.”', 'Sgt. Rafael Ortiz'],
    ]);
    expect(speakers('“We lost the barn,” said Ruth Ellery, a dairy farmer near Colton. “Then the feed. Then the herd.\n\n“Now we are selling the land.\n\n“There is nothing left to sell after that.”')).toEqual([
      ['“We lost the barn,” said Ruth Ellery, a dairy farmer near Colton.', 'Ruth Ellery'],
      ['“Then the feed.', 'Ruth Ellery'],
      ['Then the herd.', 'Ruth Ellery'],
      ['“Now we are selling the land.', 'Ruth Ellery'],
      ['“There is nothing left to sell after that.”', 'Ruth Ellery'],
    ]);
  });

  it('does not continue the speaker when the quotation was closed', () => {
    expect(speakers('Sgt. Rafael Ortiz said: “The water rose fast. We had minutes.”\n\n“By midnight the road was gone. Nobody could get out.”')).toEqual([
      ['Sgt. Rafael Ortiz said: “The water rose fast.', 'Sgt. Rafael Ortiz'],
      ['We had minutes.”', 'Sgt. Rafael Ortiz'],
      ['“By midnight the road was gone.', undefined],
      ['Nobody could get out.”', undefined],
    ]);
  });

  it('lets a new paragraph with its own attribution speak for itself', () => {
    expect(speakers('Sgt. Rafael Ortiz said: “The water rose fast.\n\n“I was on the roof,” said Lena Marsh, a neighbor.')).toEqual([
      ['Sgt. Rafael Ortiz said: “The water rose fast.', 'Sgt. Rafael Ortiz'],
      ['“I was on the roof,” said Lena Marsh, a neighbor.', 'Lena Marsh'],
    ]);
  });
});

describe('speakers: straight quotes work like curly ones', () => {
  it('reads a multi-sentence quotation in straight quotes', () => {
    expect(speakers('"We lost everything. The house, the car. Nobody came," said Marisol Ventura.')).toEqual([
      ['"We lost everything.', 'Marisol Ventura'],
      ['The house, the car.', 'Marisol Ventura'],
      ['Nobody came," said Marisol Ventura.', 'Marisol Ventura'],
    ]);
  });

  it('reads an attribution in the middle and a paragraph left open, in straight quotes', () => {
    expect(speakers('Ms. Okafor was blunt. "We will appeal," she said. "The ruling is wrong.')).toEqual([
      ['Ms. Okafor was blunt.', undefined],
      ['"We will appeal," she said.', 'Ms. Okafor'],
      ['"The ruling is wrong.', 'Ms. Okafor'],
    ]);
    expect(speakers('Ms. Okafor said: "We will appeal.\n\n"The ruling is wrong."')).toEqual([
      ['Ms. Okafor said: "We will appeal.', 'Ms. Okafor'],
      ['"The ruling is wrong."', 'Ms. Okafor'],
    ]);
    expect(speakers('Ms. Okafor said: "We will appeal."\n\n"The ruling is wrong."')).toEqual([
      ['Ms. Okafor said: "We will appeal."', 'Ms. Okafor'],
      ['"The ruling is wrong."', undefined],
    ]);
  });
});

describe('speakers: what is never given one', () => {
  it('never gives a set-aside segment a speaker, and keeps transcript turns', () => {
    const text = prepareText('Body\n\nMAYOR BRANDT: The pumps failed. We knew it.\n\nREPORTER: When?\n\nMAYOR BRANDT: “Tuesday,” she said.');
    const segments = extractSegments(text);
    expect(segments.filter((s) => s.setAside && s.setAside !== 'speaker-label').every((s) => s.speaker === undefined)).toBe(true);
    expect(segments.filter((s) => !s.setAside).map((s) => [s.text, s.speaker])).toEqual([
      ['Body', undefined],
      ['The pumps failed.', 'MAYOR BRANDT'],
      ['We knew it.', 'MAYOR BRANDT'],
      ['When?', 'REPORTER'],
      ['“Tuesday,” she said.', 'MAYOR BRANDT'],
    ]);
  });
});

describe('speakers: speed', () => {
  const timed = (text: string): number => {
    const segments = extractSegments(text);
    for (const s of segments) delete s.speaker;
    const t0 = performance.now();
    attributeSpeakers(text, segments);
    return performance.now() - t0;
  };

  it('attributes a 100 KB paragraph of quotations quickly', () => {
    const para = (unit: string) => `Body\n\n${unit.repeat(Math.ceil(100_000 / unit.length))}`;
    const texts = [
      para('“We will appeal. The ruling is wrong,” Ms. Okafor said. '),
      para('“We will appeal,” she told Reuters. “The ruling is wrong. '),
      para('"We will appeal. The ruling is wrong," said Sgt. A. B. C. Rafael Ortiz of Mr. Lee Tam Park Holt. '),
      `Body\n\n“${'Aa Bb Cc Dd Ee Ff, '.repeat(6_000)} said`,
      `Body\n\n${'A. B. C. D. E. F. G. H. '.repeat(4_500)}said Mr. Lee.`,
    ];
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(99_000);
      expect(timed(text)).toBeLessThan(500);
    }
  });
});
