import type { Claim } from '../../../../shared/model';

/** Pick the word the second part should start with; the claim is split before it. */
export function SplitChooser(props: { claim: Claim; onSplit: (at: number) => void; onCancel: () => void }) {
  const words: { text: string; at: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(props.claim.text); m; m = re.exec(props.claim.text)) {
    words.push({ text: m[0], at: props.claim.start + m.index });
  }
  return (
    <div className="split-chooser" role="group" aria-label="Split the claim before a word">
      <p className="muted">Choose the word the second claim starts with.</p>
      <p className="split-words">
        {words.map((word, i) =>
          i === 0 ? (
            <span key={word.at}>{word.text} </span>
          ) : (
            <button key={word.at} type="button" className="split-word" onClick={() => props.onSplit(word.at)} aria-label={`Split before “${word.text}”`}>
              {word.text}
            </button>
          ),
        )}
      </p>
      <button type="button" onClick={props.onCancel}>
        Cancel split
      </button>
    </div>
  );
}
