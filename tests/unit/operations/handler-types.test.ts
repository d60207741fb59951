// The handler map is typed from the contract (src/backend/handler-types.ts): a
// handler whose answer or input drifts from its operation's schemas fails
// `tsc --noEmit -p tsconfig.json`, which type-checks this file. Each
// `@ts-expect-error` below is itself checked: were the map typed loosely again
// (say `(input: never) => Promise<unknown>`), the error would vanish and the unused
// directive would fail the type-check instead.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Handler, HandlerInput, Handlers } from '../../../src/backend/handler-types';
import { contract } from '../../../src/shared/contract';
import type { SourceKind } from '../../../src/shared/model';

/** A `reports:export` that answers with an encoding its output schema does not allow. */
const drifted = async () => ({ fileName: 'report.txt', mimeType: 'text/plain', encoding: 'latin1' as const, content: '' });

describe('the typed handler map', () => {
  it('refuses, at type-check time, a handler whose output does not match its contract', async () => {
    // @ts-expect-error “latin1” is not an encoding `reports:export` answers with
    const handler: Handler<'reports:export'> = drifted;
    // @ts-expect-error the same handler in the map fails it too
    const map = { 'reports:export': drifted } satisfies Pick<Handlers, 'reports:export'>;
    // …and at run time the schema refuses the same answer (invoke parses every answer).
    expect(contract['reports:export'].output.safeParse(await drifted()).success).toBe(false);
    expect([handler, map]).toHaveLength(2);
  });

  it('refuses a handler that expects an input its operation does not give', () => {
    const wrongInput = async ({ articleId }: { articleId: number }) => ({ preferences: { checker: String(articleId) } });
    // @ts-expect-error `preferences:get` gives no numeric articleId
    const handler: Handler<'preferences:get'> = wrongInput;
    expect(handler).toBe(wrongInput);
  });

  it('hands a handler its input as parsed: defaults are filled in, nothing to parse again', () => {
    expectTypeOf<HandlerInput<'sources:add'>['source']['kind']>().toEqualTypeOf<SourceKind>();
    expectTypeOf<HandlerInput<'search:query'>>().toEqualTypeOf<ReturnType<typeof contract['search:query']['input']['parse']>>();
    const parsed = contract['sources:add'].input.parse({ articleId: 'a'.repeat(10), source: { url: 'https://example.org' } });
    expect(parsed.source.kind).toBe('web');
  });
});
