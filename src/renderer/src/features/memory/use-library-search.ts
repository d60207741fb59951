// Library search against the claim memory: each change of the words or filters asks
// `search:query` after a short pause (typing a word sends one request, not one per
// letter); an answer to an older request is dropped; while the memory is still being
// read or built, the same request is asked again so the results and progress fill in.
import { useEffect, useState } from 'react';
import type { MemoryStatus, SearchAnswer, SearchInput } from '../../../../shared/memory/memory-contract';
import { api, errorMessage } from '../../api/client';
import { MEMORY_POLL_MS, stillReading } from './memory-status';

const TYPING_PAUSE_MS = 120;

export interface LibrarySearch {
  /** The answer to the latest request (null before one arrived, or when there are no words). */
  answer: SearchAnswer | null;
  memory: MemoryStatus | null;
  error: string | null;
}

export function useLibrarySearch(request: SearchInput): LibrarySearch {
  const [state, setState] = useState<LibrarySearch>({ answer: null, memory: null, error: null });
  const key = JSON.stringify(request);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const parsed = JSON.parse(key) as SearchInput;
    const ask = async () => {
      try {
        // Without words there is nothing to find, but the memory's progress is still worth showing.
        const result = parsed.query.trim() ? await api['search:query'](parsed) : { ...(await api['memory:status']({})), answer: null };
        if (!live) return;
        const { memory, ...rest } = result;
        const answer = 'groups' in rest ? (rest as SearchAnswer) : null;
        setState({ answer, memory, error: null });
        if (stillReading(memory)) timer = setTimeout(ask, MEMORY_POLL_MS);
      } catch (e) {
        if (live) setState((s) => ({ ...s, error: errorMessage(e) }));
      }
    };
    // A new request clears the old answer only once its own arrives: no flash of “nothing”.
    timer = setTimeout(ask, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  return state;
}
