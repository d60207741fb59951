// “Seen before” for the claim on screen. Moving through claims with J/K must stay
// instant: the request waits a moment after a claim appears (holding J passes claims
// without asking), an answer for a claim no longer on screen is dropped, and while the
// memory is still being read or built the question is asked again as it fills in.
import { useEffect, useState } from 'react';
import type { MemoryStatus, SeenBeforeAnswer } from '../../../../shared/memory/memory-contract';
import { api, errorMessage } from '../../api/client';
import { MEMORY_POLL_MS, stillReading } from './memory-status';

const SETTLE_MS = 150;

export interface SeenBeforeState {
  /** The claim the answer is for: a panel never shows one claim's matches under another. */
  claimId: string | null;
  answer: SeenBeforeAnswer | null;
  memory: MemoryStatus | null;
  error: string | null;
}

const NOTHING: SeenBeforeState = { claimId: null, answer: null, memory: null, error: null };

export function useSeenBefore(articleId: string, claimId: string, claimText: string): SeenBeforeState {
  const [state, setState] = useState<SeenBeforeState>(NOTHING);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      try {
        const { memory, ...answer } = await api['claims:seenBefore']({ articleId, claimId });
        if (!live) return;
        setState({ claimId, answer, memory, error: null });
        if (stillReading(memory)) timer = setTimeout(ask, MEMORY_POLL_MS);
      } catch (e) {
        if (live) setState({ ...NOTHING, claimId, error: errorMessage(e) });
      }
    };
    timer = setTimeout(ask, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The words matter too: a claim re-worded by a revision or a split asks again.
  }, [articleId, claimId, claimText]);

  return state.claimId === claimId ? state : NOTHING;
}
