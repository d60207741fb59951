// A desk server to try a shared desk or to test one: the CouchDB replication
// protocol (express-pouchdb over an in-memory PouchDB) on loopback, with an admin,
// the desk's users and their roles, one database only they may use, and the desk's
// rules on it (desk-rules.mjs: own name only, editors' acts, nothing rewritten). Memory
// only: stopping it forgets everything (the clients send it all again). In
// production, run Apache CouchDB 3 behind TLS instead (README, "Shared desk").
//
//   node scripts/desk-server.mjs --port 5984 --db newsroom \
//     --admin admin:secret --user ann:pw1:checker --user eve:pw2:editor [--without-rules]
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { installDeskRules } from './desk-rules.mjs';

const require = createRequire(import.meta.url);
const started = performance.now();
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5984' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'factdesk' },
    admin: { type: 'string', default: 'admin:admin' },
    user: { type: 'string', multiple: true, default: [] },
    // A server as a careless install leaves it, for the tests of what members are told then.
    'without-rules': { type: 'boolean', default: false },
  },
});

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-adapter-memory'));
const app = require('express-pouchdb')({ mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
app.setPouchDB(PouchDB.defaults({ adapter: 'memory' }));

const server = app.listen(Number(values.port), values.host, async () => {
  const base = `http://${values.host}:${values.port}`;
  const [adminName, adminPassword] = values.admin.split(':');
  const asAdmin = { authorization: `Basic ${Buffer.from(values.admin).toString('base64')}`, 'content-type': 'application/json' };
  const call = async (method, path, body, headers = asAdmin) => {
    const response = await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };
  try {
    await call('PUT', `/_config/admins/${adminName}`, adminPassword, { 'content-type': 'application/json' });
    await call('PUT', `/${values.db}`);
    const names = [];
    for (const spec of values.user) {
      const [name, password, roles = 'checker'] = spec.split(':');
      names.push(name);
      await call('PUT', `/_users/org.couchdb.user:${name}`, { name, password, roles: roles.split(','), type: 'user' });
    }
    await call('PUT', `/${values.db}/_security`, { admins: { names: [], roles: [] }, members: { names, roles: [] } });
    if (!values['without-rules']) await installDeskRules(`${base}/${values.db}`, asAdmin.authorization);
    process.stdout.write(`ready ${base}/${values.db} in ${Math.round(performance.now() - started)} ms\n`);
  } catch (error) {
    process.stderr.write(`desk server setup failed: ${error.message}\n`);
    process.exit(1);
  }
});
server.on('error', (error) => {
  process.stderr.write(`desk server: ${error.message}\n`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
