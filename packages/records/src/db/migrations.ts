/**
 * The record's schema as Kysely migrations, kept in code (not a folder read at run time) so the
 * built package carries them. Each migration is written once with Kysely's schema builder and
 * runs the same on SQLite and PostgreSQL; a new migration is appended, never edited.
 */
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';

const text = 'text';
const int = 'integer';

// One long function on purpose: a migration is the schema as it stood on the day it was written,
// read top to bottom and never edited afterwards; splitting it would be an edit.
const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('changes')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('year', int)
      .addColumn('actor', text, (c) => c.notNull())
      .addColumn('source', text)
      .addColumn('recorded_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('areas')
      .addColumn('code', text, (c) => c.notNull())
      .addColumn('version', int, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('unit', text, (c) => c.notNull())
      .addColumn('context', text, (c) => c.notNull())
      .addColumn('recorded_at', text, (c) => c.notNull())
      .addColumn('recorded_by', text, (c) => c.notNull())
      .addColumn('reason', text)
      .addColumn('change_id', text, (c) => c.notNull().references('changes.id'))
      .addPrimaryKeyConstraint('areas_pk', ['code', 'version'])
      .execute();
    await db.schema
      .createTable('registrations')
      .addColumn('year', int, (c) => c.notNull())
      .addColumn('area_code', text, (c) => c.notNull())
      .addColumn('recorded_at', text, (c) => c.notNull())
      .addColumn('recorded_by', text, (c) => c.notNull())
      .addColumn('change_id', text, (c) => c.notNull().references('changes.id'))
      .addPrimaryKeyConstraint('registrations_pk', ['year', 'area_code'])
      .execute();
    await db.schema
      .createTable('fact_values')
      .addColumn('year', int, (c) => c.notNull())
      .addColumn('area_code', text, (c) => c.notNull())
      .addColumn('fact', text, (c) => c.notNull())
      .addColumn('version', int, (c) => c.notNull())
      .addColumn('value', text)
      .addColumn('owner', text)
      .addColumn('entered_by', text, (c) => c.notNull())
      .addColumn('entered_at', text, (c) => c.notNull())
      .addColumn('source', text)
      .addColumn('reason', text)
      .addColumn('change_id', text, (c) => c.notNull().references('changes.id'))
      .addPrimaryKeyConstraint('fact_values_pk', ['year', 'area_code', 'fact', 'version'])
      .execute();
    await db.schema
      .createTable('evaluations')
      .addColumn('year', int, (c) => c.notNull())
      .addColumn('area_code', text, (c) => c.notNull())
      .addColumn('version', int, (c) => c.notNull())
      .addColumn('decision', text, (c) => c.notNull())
      .addColumn('ruleset_id', text, (c) => c.notNull())
      .addColumn('ruleset_version', text, (c) => c.notNull())
      .addColumn('ruleset_hash', text, (c) => c.notNull())
      .addColumn('assessed_on', text, (c) => c.notNull())
      .addColumn('assessment', text, (c) => c.notNull())
      .addColumn('summary', text, (c) => c.notNull())
      .addColumn('evaluated_at', text, (c) => c.notNull())
      .addColumn('evaluated_by', text, (c) => c.notNull())
      .addColumn('reason', text)
      .addColumn('change_id', text, (c) => c.notNull().references('changes.id'))
      .addPrimaryKeyConstraint('evaluations_pk', ['year', 'area_code', 'version'])
      .execute();
    await db.schema
      .createTable('board_decisions')
      .addColumn('number', text, (c) => c.notNull())
      .addColumn('version', int, (c) => c.notNull())
      .addColumn('year', int, (c) => c.notNull())
      .addColumn('date', text, (c) => c.notNull())
      .addColumn('recorded_at', text, (c) => c.notNull())
      .addColumn('recorded_by', text, (c) => c.notNull())
      .addColumn('reason', text)
      .addColumn('change_id', text, (c) => c.notNull().references('changes.id'))
      .addPrimaryKeyConstraint('board_decisions_pk', ['number', 'version'])
      .execute();
    await db.schema
      .createTable('board_areas')
      .addColumn('number', text, (c) => c.notNull())
      .addColumn('version', int, (c) => c.notNull())
      .addColumn('area_code', text, (c) => c.notNull())
      .addColumn('engine_decision', text, (c) => c.notNull())
      .addColumn('evaluation_version', int, (c) => c.notNull())
      .addColumn('reason', text)
      .addPrimaryKeyConstraint('board_areas_pk', ['number', 'version', 'area_code'])
      .execute();
    await db.schema.createIndex('fact_values_area').on('fact_values').columns(['year', 'area_code']).execute();
    await db.schema.createIndex('evaluations_area').on('evaluations').columns(['area_code', 'year']).execute();
  },
};

/** Every migration, by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = { '0001-initial': initial };

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** Brings the database up to the newest schema; throws with Kysely's error when a migration fails. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<readonly string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
