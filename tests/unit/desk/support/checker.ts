// One checker's machine for a desk test: its own data folder, the real backend
// with the desk wrapped around it, joined to the test server as `user`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../src/backend/backend';
import { Desk } from '../../../../src/backend/desk/desk';
import { withDesk } from '../../../../src/backend/desk/with-desk';
import { Store } from '../../../../src/backend/store/store';
import { USERS } from './desk-server';

export const ARTICLE_TEXT = [
  'Harbor Town Votes to Raise Its Seawall',
  'By Nadia Ferreira',
  'The council voted 5-2 on Wednesday night to raise the seawall.',
  'The $38 million plan calls for a concrete cap along 1.2 miles of shoreline.',
  '"We are doing it for whoever is still here in 2080," said Mayor Celia Brandt.',
].join('\n');

export interface Checker {
  name: keyof typeof USERS;
  dir: string;
  store: Store;
  backend: Backend;
  desk: Desk;
  sync(): ReturnType<Desk['sync']>;
  close(): Promise<void>;
}

export async function joinAs(name: keyof typeof USERS, url: string): Promise<Checker> {
  const dir = await mkdtemp(join(tmpdir(), `factdesk-desk-${name}-`));
  const store = await Store.open(dir);
  const desk = await Desk.join(dir, store, url, name, USERS[name]);
  const backend = withDesk(createBackend(store, undefined, { memoryPersists: false }), desk);
  await backend.api['preferences:set']({ preferences: { checker: name } });
  return {
    name, dir, store, backend, desk,
    sync: () => desk.sync(USERS[name]),
    close: async () => {
      await store.flush();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates the test article on `checker`'s machine; returns its id and its claims' ids. */
export async function addArticle(checker: Checker): Promise<{ articleId: string; claimIds: string[] }> {
  const { article } = await checker.backend.api['articles:create']({ text: ARTICLE_TEXT, meta: { title: 'Harbor Town' }, allowDuplicate: false });
  return { articleId: article.id, claimIds: article.claims.map((c) => c.id) };
}

export async function verdictOn(checker: Checker, articleId: string, claimId: string) {
  const article = await checker.store.get(articleId);
  return article.claims.find((c) => c.id === claimId)!;
}
