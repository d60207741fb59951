// The claim memory's state in the checker's words. The memory is derived data that the
// backend reads or builds in the background; until it is ready, answers come from what
// it has read so far, and the screen says so rather than pretending nothing matched.
import type { MemoryStatus } from '../../../../shared/memory/memory-contract';

/** While this is true, answers may be missing claims: ask again shortly. */
export function stillReading(memory: MemoryStatus | null): boolean {
  return memory === null || memory.state === 'idle' || memory.state === 'loading' || memory.state === 'building';
}

/** One sentence while the memory is not ready (null once it is). */
export function memoryStatusText(memory: MemoryStatus | null): string | null {
  if (memory === null || memory.state === 'ready') return null;
  if (memory.state === 'failed') return memory.message ?? 'The claim memory could not be built; results may be missing.';
  if (memory.state === 'building' && memory.total > 0) {
    return `Building the claim memory: ${memory.done} of ${memory.total} articles read. Results may be missing until it is done.`;
  }
  return 'Reading the claim memory… Results may be missing until it is ready.';
}

/** How often to ask again while the memory is being read or built. */
export const MEMORY_POLL_MS = 600;
