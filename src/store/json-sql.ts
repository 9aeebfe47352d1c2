// SQL that builds a contract schema's JSON: jsonObjectSql walks the zod schema's fields in order together with a map
// from each field to the SQL that gives its value, so the JSON SQLite makes has exactly the schema's fields, in its
// order, typed as it types them. A field the map lacks or one the schema lacks is an error (at compile time through
// SqlMap, and at start-up here).

import { z } from 'zod';

/**
 * For each field of T: the SQL giving its JSON value; for an object field the map of its own fields; for a list of
 * objects the query of its rows and the map of an item's fields over them.
 */
export type SqlMap<T> = { [K in keyof T]-?: FieldSql<T[K]> };

type FieldSql<V> =
  NonNullable<V> extends readonly (infer E)[]
    ? E extends object
      ? ListSql<E>
      : string
    : NonNullable<V> extends object
      ? SqlMap<NonNullable<V>> & NullWhen<V>
      : string;

/** A list of objects: `rows` is a SELECT (in the list's order) whose columns `item` reads through `alias`. */
interface ListSql<E> {
  rows: string;
  alias: string;
  item: SqlMap<E>;
}

/** A nullable object field says when it is null: `CASE WHEN <nullWhen> THEN NULL ELSE json_object(...) END`. */
type NullWhen<V> = null extends V ? { $nullWhen: string } : unknown;

const unwrap = (field: z.ZodType): z.ZodType => {
  let inner = field;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
};

const quoteKey = (key: string) => `'${key.replace(/'/g, "''")}'`;

/**
 * A number SQLite holds as REAL is written with a decimal point when whole (1.0); JavaScript, and so the schema's
 * serializer, writes 1. Integers and text pass as they are; booleans, which SQLite holds as 0 and 1, become JSON's.
 */
function value(field: z.ZodType, sql: string): string {
  if (field instanceof z.ZodNumber && !field.isInt)
    return `iif(${sql} = CAST(${sql} AS INTEGER), CAST(${sql} AS INTEGER), ${sql})`;
  if (field instanceof z.ZodBoolean) return `json(iif(${sql}, 'true', 'false'))`;
  return sql;
}

/** `json_object(...)` for `schema`, each field's value from `map`. */
export function jsonObjectSql<S extends z.ZodObject>(schema: S, map: SqlMap<z.output<S>>, path = ''): string {
  const fields = Object.keys(schema.shape);
  const given = Object.keys(map).filter((k) => k !== '$nullWhen');
  const missing = fields.filter((f) => !given.includes(f));
  const extra = given.filter((g) => !fields.includes(g));
  if (missing.length || extra.length) {
    throw new Error(
      `the SQL of ${path || 'the object'} does not match its schema: no SQL for [${missing}], no field for [${extra}]`,
    );
  }
  const entries = fields.map((key) => {
    const field = unwrap(schema.shape[key] as z.ZodType);
    const given = (map as Record<string, unknown>)[key];
    if (field instanceof z.ZodObject) {
      const inner = given as SqlMap<Record<string, unknown>> & { $nullWhen?: string };
      const object = jsonObjectSql(field, inner as never, `${path}${key}.`);
      return `${quoteKey(key)}, ${inner.$nullWhen ? `CASE WHEN ${inner.$nullWhen} THEN NULL ELSE ${object} END` : object}`;
    }
    if (field instanceof z.ZodArray && typeof given === 'object' && given !== null) {
      const list = given as ListSql<Record<string, unknown>>;
      const element = unwrap(field.element as z.ZodType);
      if (!(element instanceof z.ZodObject)) throw new Error(`${path}${key} is not a list of objects`);
      const item = jsonObjectSql(element, list.item as never, `${path}${key}[].`);
      return `${quoteKey(key)}, json((SELECT json_group_array(${item}) FROM (${list.rows}) ${list.alias}))`;
    }
    if (typeof given !== 'string') throw new Error(`the SQL of ${path}${key} must be an expression`);
    return `${quoteKey(key)}, ${value(field, given)}`;
  });
  return `json_object(${entries.join(', ')})`;
}
