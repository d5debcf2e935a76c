/**
 * The database schema: one definition for PGlite and PostgreSQL. Every business record carries an
 * application-generated UUID v7, created/updated times, its creator, a version number and a tombstone
 * (deleted_at), so records can later be exchanged between a standalone laptop and the central system.
 */
export * from "./schema/core.ts";
export * from "./schema/rectification.ts";
export * from "./schema/inspection.ts";
export * from "./schema/documents.ts";
