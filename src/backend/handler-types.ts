// The handler map's type, drawn from the contract: each operation's handler takes
// its input as the contract's schema parsed it (defaults filled in, strings trimmed)
// and answers with what its output schema accepts. A handler that drifts from its
// schema fails the type-check, not a user at run time (backend.ts still parses every
// answer, since a type cannot see a value the schema refines).
import type { z } from 'zod';
import type { Contract, OpName } from '../shared/contract';

/** The input a handler receives: already parsed by `invoke`, never to be parsed again. */
export type HandlerInput<K extends OpName> = z.output<Contract[K]['input']>;

/** What a handler may answer: anything its output schema accepts. */
export type HandlerOutput<K extends OpName> = z.input<Contract[K]['output']>;

export type Handler<K extends OpName> = (input: HandlerInput<K>) => Promise<HandlerOutput<K>>;

/** One handler for every operation of the contract. */
export type Handlers = { [K in OpName]: Handler<K> };
