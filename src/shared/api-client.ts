// The named, typed client over any transport's `invoke` (direct, IPC or HTTP).
// A failure arrives as an envelope and is thrown as a UserError with its sentence.
import { OP_NAMES, type Api, type Envelope, type OpName } from './contract';
import { UserError } from './errors';

export type Invoke = (op: OpName, input: unknown) => Promise<Envelope<unknown>>;

export function apiOver(invoke: Invoke): Api {
  const api = {} as Record<OpName, (input: unknown) => Promise<unknown>>;
  for (const op of OP_NAMES) {
    api[op] = async (input) => {
      const result = await invoke(op, input);
      if (!result.ok) throw new UserError(result.error.message, result.error.code);
      return result.value;
    };
  }
  return api as unknown as Api;
}
