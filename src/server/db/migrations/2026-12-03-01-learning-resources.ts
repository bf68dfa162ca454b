import { type Kysely, PostgresAdapter, sql } from "kysely";

// The learning directory: resources with their skills, members' bookmarks, the term vocabulary
// that typo-tolerant search expands misspelled words from, and a pathway item's link to a
// resource. Full-text search is the one engine-specific part: an FTS5 table kept by triggers on
// SQLite, a generated tsvector column with a GIN index on PostgreSQL (no extension needed).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("learning_resources")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("provider", "text", (column) => column.notNull())
    .addColumn("url", "text")
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("audience", "text", (column) => column.notNull())
    .addColumn("language", "text", (column) => column.notNull())
    .addColumn("cost_minor", "integer", (column) => column.notNull())
    .addColumn("currency", "text")
    .addColumn("duration_minutes", "integer")
    .addColumn("format", "text", (column) => column.notNull())
    /** Provider and skill names, searched with the title and description. */
    .addColumn("search_keywords", "text", (column) => column.notNull())
    .addColumn("is_sample", "integer", (column) => column.notNull())
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("learning_resources_title_idx")
    .on("learning_resources")
    .columns(["title", "id"])
    .execute();
  // Whether the sample directory is installed, asked on every search.
  await db.schema
    .createIndex("learning_resources_sample_idx")
    .on("learning_resources")
    .columns(["is_sample"])
    .execute();
  // A covering index for the facet counts of a matched set, looked up by id.
  await db.schema
    .createIndex("learning_resources_match_idx")
    .on("learning_resources")
    .columns(["id", "archived_at", "kind", "format", "cost_minor", "duration_minutes"])
    .execute();

  await db.schema
    .createTable("learning_resource_skills")
    .addColumn("resource_id", "text", (column) =>
      column.notNull().references("learning_resources.id"),
    )
    .addColumn("skill_key", "text", (column) => column.notNull())
    .addColumn("skill_name", "text", (column) => column.notNull())
    .addColumn("competency_key", "text")
    .addColumn("position", "integer", (column) => column.notNull())
    .addPrimaryKeyConstraint("learning_resource_skills_pk", ["resource_id", "skill_key"])
    .execute();
  await db.schema
    .createIndex("learning_resource_skills_key_idx")
    .on("learning_resource_skills")
    .columns(["skill_key", "resource_id"])
    .execute();
  await db.schema
    .createIndex("learning_resource_skills_competency_idx")
    .on("learning_resource_skills")
    .columns(["competency_key", "resource_id"])
    .execute();

  await db.schema
    .createTable("learning_bookmarks")
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("resource_id", "text", (column) =>
      column.notNull().references("learning_resources.id"),
    )
    .addColumn("created_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("learning_bookmarks_pk", ["person_id", "resource_id"])
    .execute();

  await db.schema
    .createTable("learning_terms")
    .addColumn("term", "text", (column) => column.primaryKey())
    .addColumn("length", "integer", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("learning_terms_length_idx")
    .on("learning_terms")
    .columns(["length", "term"])
    .execute();

  await db.schema.alterTable("pathway_items").addColumn("resource_id", "text").execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      alter table learning_resources add column search_vector tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, search_keywords), 'B') ||
        setweight(to_tsvector('english'::regconfig, description), 'C')
      ) stored`.execute(db);
    await sql`create index learning_resources_search_idx on learning_resources using gin (search_vector)`.execute(
      db,
    );
    return;
  }
  await sql`
    create virtual table learning_resources_fts using fts5(
      resource_id unindexed, title, keywords, description,
      tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`
    create trigger learning_resources_fts_insert after insert on learning_resources begin
      insert into learning_resources_fts (resource_id, title, keywords, description)
      values (new.id, new.title, new.search_keywords, new.description);
    end`.execute(db);
  await sql`
    create trigger learning_resources_fts_update
    after update of title, search_keywords, description on learning_resources begin
      delete from learning_resources_fts where resource_id = old.id;
      insert into learning_resources_fts (resource_id, title, keywords, description)
      values (new.id, new.title, new.search_keywords, new.description);
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop trigger if exists learning_resources_fts_update`.execute(db);
    await sql`drop trigger if exists learning_resources_fts_insert`.execute(db);
    await sql`drop table if exists learning_resources_fts`.execute(db);
  }
  await db.schema.alterTable("pathway_items").dropColumn("resource_id").execute();
  await db.schema.dropTable("learning_terms").execute();
  await db.schema.dropTable("learning_bookmarks").execute();
  await db.schema.dropTable("learning_resource_skills").execute();
  await db.schema.dropTable("learning_resources").execute();
}
