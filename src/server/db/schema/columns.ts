/** Shared column helpers: the timestamp kind and the columns every exchanged record has. */
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The columns every exchanged record has. */
export const record = () => ({
  id: uuid("id").primaryKey(),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  createdBy: uuid("created_by"),
  version: integer("version").notNull().default(1),
  deletedAt: ts("deleted_at"),
});
