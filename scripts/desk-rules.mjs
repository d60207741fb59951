// The desk's rules, enforced by the server itself: a CouchDB design document whose
// validate_doc_update runs on every write, whoever makes it (Factdesk, curl, another
// client). Each member's Factdesk already keeps these rules; the server keeps them
// against a member who does not:
//   - a change is made in one's own name only (`by` is the signed-in user);
//   - sign-off, unlock and assignment are an editor's;
//   - nothing on the desk is ever changed or deleted once written (events are immutable);
//   - every document names its article, and its id starts with that article's id.
// An admin (`_admin`) may do anything, as in any CouchDB database.
//
// scripts/desk-server.mjs installs it on its test server. On a production CouchDB, an
// admin installs or updates it with
//   FACTDESK_ADMIN_PASSWORD=… node scripts/desk-rules.mjs https://couch.example.org/newsroom --admin admin

import { pathToFileURL } from 'node:url';

// Written as ES5 (var, no arrows): CouchDB's JavaScript engine may be that old.
function validateDeskDoc(newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (newDoc._deleted) throw { forbidden: 'Nothing on the desk is deleted.' };
  // The same revision sent again (two members restoring a server at once) is no change.
  if (oldDoc && !oldDoc._deleted && oldDoc._rev !== newDoc._rev) throw { forbidden: 'A desk change is never rewritten once it is on the desk.' };
  if (typeof newDoc.type !== 'string' || typeof newDoc.articleId !== 'string' || typeof newDoc.by !== 'string') {
    throw { forbidden: 'Not a Factdesk desk document: it needs a type, an articleId and a by.' };
  }
  if (newDoc._id.indexOf(newDoc.articleId + ':') !== 0) throw { forbidden: 'A desk document’s id starts with its article’s id.' };
  if (newDoc.by !== userCtx.name) throw { forbidden: 'A change is made in one’s own name: ' + userCtx.name + ' cannot write as ' + newDoc.by + '.' };
  var editorOnly = newDoc.type === 'signoff' || newDoc.type === 'unlock' || newDoc.type === 'assign';
  if (editorOnly && roles.indexOf('editor') === -1) throw { forbidden: 'Only an editor can sign off, unlock or assign; ' + userCtx.name + ' is not one on this desk.' };
}

/** The design document: what the server stores and runs. */
export const DESK_RULES = {
  _id: '_design/factdesk',
  language: 'javascript',
  validate_doc_update: validateDeskDoc.toString(),
};

/** Installs the rules on a database (or brings them up to date): `PUT` with the current revision. */
export async function installDeskRules(databaseUrl, authorization) {
  const url = `${databaseUrl.replace(/\/+$/, '')}/_design/factdesk`;
  const headers = { authorization, 'content-type': 'application/json' };
  const current = await fetch(url, { headers });
  const rev = current.ok ? (await current.json())._rev : undefined;
  const answer = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(rev ? { ...DESK_RULES, _rev: rev } : DESK_RULES) });
  if (!answer.ok) throw new Error(`the server answered ${answer.status}: ${(await answer.text()).trim()}`);
}

// Run as a command: install the rules on a production database.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parseArgs } = await import('node:util');
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { admin: { type: 'string' } } });
  const password = process.env.FACTDESK_ADMIN_PASSWORD;
  if (positionals.length !== 1 || !values.admin || !password) {
    process.stderr.write('Usage: FACTDESK_ADMIN_PASSWORD=… node scripts/desk-rules.mjs DATABASE_URL --admin NAME\n');
    process.exit(2);
  }
  try {
    await installDeskRules(positionals[0], `Basic ${Buffer.from(`${values.admin}:${password}`).toString('base64')}`);
    process.stdout.write(`The desk's rules are installed on ${positionals[0]}.\n`);
  } catch (error) {
    process.stderr.write(`The desk's rules could not be installed on ${positionals[0]}: ${error.message}.\n`);
    process.exit(1);
  }
}
