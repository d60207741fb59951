// Assignment and second read on a real desk server: both are events that reach every
// member, and the report names who checked, who gave second reads, who signed off.
import { describe, expect, it } from 'vitest';
import { assign, deskRoles, secondRead } from '../../../src/backend/desk/desk-roles';
import { parseCsv } from '../report/fixture';
import { addArticle, joinAs } from './support/checker';
import { deskSuite } from './support/desk-suite';

const suite = deskSuite();

describe('assignment, second read and the report', () => {
  it('assigns, records a second read by another checker, and the report says who did what', async () => {
    const [ann, bob, eve] = await Promise.all([joinAs('ann', suite.server.url), joinAs('bob', suite.server.url), joinAs('eve', suite.server.url)]);
    suite.machines.push(ann, bob, eve);
    const { articleId, claimIds } = await addArticle(ann);
    await ann.sync();
    await eve.sync();
    await expect(assign(ann.desk, articleId, 'bob')).rejects.toThrow(/Only an editor can assign/);
    await expect(assign(eve.desk, articleId, 'bob', '4-99')).rejects.toThrow(/has claims 1 to 5/);
    await assign(eve.desk, articleId, 'ann');
    await assign(eve.desk, articleId, 'bob', '4-5');
    await eve.sync();
    await Promise.all([ann.sync(), bob.sync()]);

    await ann.backend.api['claims:mark']({ articleId, claimId: claimIds[2]!, patch: { status: 'verified' }, newSource: { kind: 'document', title: 'Council minutes' } });
    await expect(secondRead(ann.desk, articleId, claimIds[2]!)).rejects.toThrow(/another checker’s: ann gave this verdict/);
    await ann.sync();
    await bob.sync();
    await expect(secondRead(bob.desk, articleId, claimIds[1]!)).rejects.toThrow(/Nobody has ruled/);
    await secondRead(bob.desk, articleId, claimIds[2]!);
    await bob.sync();
    await eve.sync();
    await eve.desk.setLock(articleId, 'signoff');
    await eve.sync();
    await Promise.all([ann.sync(), bob.sync()]);

    const roles = await deskRoles(ann.desk, articleId);
    expect(roles.assignedTo).toBe('ann');
    expect(roles.claims[claimIds[2]!]).toEqual({ assignee: 'ann', secondReader: 'bob' });
    expect(roles.claims[claimIds[4]!]).toEqual({ assignee: 'bob', secondReader: null });
    expect(roles.signedOff?.by).toBe('eve');
    // A signed-off article takes no more second reads.
    await expect(secondRead(bob.desk, articleId, claimIds[2]!)).rejects.toThrow(/signed off by eve/);

    const md = (await ann.backend.api['reports:export']({ articleId, format: 'md' })).content;
    expect(md).toMatch(/Checked by\W+ann\b/);
    expect(md).toMatch(/Second read by\W+bob/);
    expect(md).toMatch(/Signed off by\W+eve/);
    expect(md).toContain('- **Second read by:** bob');
    const html = (await ann.backend.api['reports:export']({ articleId, format: 'html' })).content;
    expect(html).toContain('second read by bob');
    expect(html).toMatch(/<dt>Second read by<\/dt><dd>bob<\/dd>.*<dt>Signed off by<\/dt><dd>eve, /);
    // The CSV, for the desk's sheet: each claim's assignee and second reader in columns of their own.
    const csv = (await ann.backend.api['reports:export']({ articleId, format: 'csv' })).content;
    const rows = parseCsv(csv.slice(1));
    const at = (name: string) => rows[0]!.indexOf(name);
    const claimRow = (n: number) => rows.find((r) => r[0] === String(n) && r[at('row')] === 'claim')!;
    expect([claimRow(3)[at('assigned to')], claimRow(3)[at('second read by')]]).toEqual(['ann', 'bob']);
    expect([claimRow(5)[at('assigned to')], claimRow(5)[at('second read by')]]).toEqual(['bob', '']);
  });
});
