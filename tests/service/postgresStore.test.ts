import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../service/store/database';
import { migrate } from '../../service/store/migrations';
import { openPostgresDatabase } from '../../service/store/postgresDatabase';
import { delivered, echo, failed, read, reply, serviceUnderTest, T0, type ServiceUnderTest } from './serviceHarness';

/**
 * The same service on Postgres itself (`DATABASE_URL`): the same schema, migrations and SQL as on
 * the embedded store. `.ci/run` starts Debian's Postgres and sets HERALD_TEST_DATABASE_URL; each run
 * works in a schema of its own, dropped at the end.
 */

const url = process.env.HERALD_TEST_DATABASE_URL;
const schema = `herald_test_${randomBytes(4).toString('hex')}`;
let db: Database;
let admin: Database;
let sut: ServiceUnderTest | undefined;

describe.runIf(url)('the service on Postgres', () => {
  beforeAll(async () => {
    admin = openPostgresDatabase(url!, 1);
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const separator = url!.includes('?') ? '&' : '?';
    db = openPostgresDatabase(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`, 4);
  });

  afterAll(async () => {
    await sut?.close();
    await db?.close();
    await admin?.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin?.close();
  });

  it('applies its migrations once, however often it starts', async () => {
    expect(await migrate(db)).toEqual([1, 2, 3]);
    expect(await migrate(db)).toEqual([]);
  });

  it('lets several instances start at once on an empty database, each migration applied once', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const fresh = `${schema}_start_${attempt}`;
      await admin.exec(`CREATE SCHEMA ${fresh}`);
      const separator = url!.includes('?') ? '&' : '?';
      const instances = Array.from({ length: 3 }, () => openPostgresDatabase(`${url}${separator}options=${encodeURIComponent(`-c search_path=${fresh}`)}`, 1));
      try {
        const applied = await Promise.all(instances.map((instance) => migrate(instance)));
        expect(applied.flat().sort()).toEqual([1, 2, 3]);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
        await admin.exec(`DROP SCHEMA ${fresh} CASCADE`);
      }
    }
  });

  it('hears in any order and counts duplicates once, as on the embedded store', async () => {
    sut = await serviceUnderTest({}, db);
    const deliveredEvent = delivered('m1', 'c1', T0 + 2_000);
    await sut.post([deliveredEvent, read('c1', T0 + 9_000)]);
    await sut.post([echo('m1', 'c1', 'camp', 3, T0), echo('m2', 'c2', 'camp', 4, T0)]);
    await sut.post([deliveredEvent, failed('m2', 'c2', '131026', T0 + 3_000), reply('c1', 'Arrêt', T0 + 10_000)]);
    sut.clock.now += 10_000;
    await sut.service.settle();
    const stored = sut.ports.outcomesByCampaign.get('camp');
    expect(stored?.get(3)).toEqual({ deliveredAt: T0 + 2_000, readAt: T0 + 9_000, repliedAt: T0 + 10_000, optedOutAt: T0 + 10_000 });
    expect(stored?.get(4)).toEqual({ failedAt: T0 + 3_000, code: '131026' });
    expect(sut.ports.writes.at(-1)?.totals).toMatchObject({ heard: 2, delivered: 1, read: 1, replied: 1, optedOut: 1, failed: { '131026': 1 } });
    expect(sut.ports.optedOut.has(1003)).toBe(true);
  });
});
