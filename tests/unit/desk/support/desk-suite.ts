// One desk server for a test file's tests, and the members they join to it: started
// before the file's first test, stopped (members closed) after its last.
import { afterAll, beforeAll } from 'vitest';
import type { Checker } from './checker';
import { startDeskServer, type DeskServer } from './desk-server';

export interface DeskSuite {
  /** The running server (from the file's first test on). */
  readonly server: DeskServer;
  /** Members a test joined: closed with the server. */
  readonly machines: Checker[];
}

export function deskSuite(): DeskSuite {
  let server: DeskServer | undefined;
  const machines: Checker[] = [];
  beforeAll(async () => {
    server = await startDeskServer();
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all(machines.map((m) => m.close()));
  });
  return {
    get server() {
      if (!server) throw new Error('the desk server starts before the first test');
      return server;
    },
    machines,
  };
}
