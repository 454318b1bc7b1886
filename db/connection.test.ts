import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { reuseStatements } from "./connection";

function connection(capacity?: number) {
  const sqlite = new Database(":memory:");
  reuseStatements(sqlite, capacity);
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c')");
  return sqlite;
}

describe("reuseStatements", () => {
  it("hands out the statement prepared before for the same SQL", () => {
    const sqlite = connection();
    const first = sqlite.prepare("select name from t where id = ?");
    expect(sqlite.prepare("select name from t where id = ?")).toBe(first);
    expect(sqlite.prepare("select id from t where id = ?")).not.toBe(first);
  });

  it("resets the result mode a previous user switched on", () => {
    const sqlite = connection();
    expect(sqlite.prepare("select id, name from t where id = ?").raw().get(1)).toEqual([1, "a"]);
    expect(sqlite.prepare("select id, name from t where id = ?").get(1)).toEqual({ id: 1, name: "a" });
    expect(sqlite.prepare("select id, name from t where id = ?").pluck().get(2)).toBe(2);
    expect(sqlite.prepare("select id, name from t where id = ?").get(2)).toEqual({ id: 2, name: "b" });
  });

  it("does not share a statement that is still being iterated", () => {
    const sqlite = connection();
    const names: string[] = [];
    for (const row of sqlite.prepare("select id, name from t order by id").iterate() as Iterable<{ id: number }>) {
      names.push((sqlite.prepare("select id, name from t order by id").get() as { name: string }).name + row.id);
    }
    expect(names).toEqual(["a1", "a2", "a3"]);
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const sqlite = connection(2);
    const one = sqlite.prepare("select 1");
    const two = sqlite.prepare("select 2");
    expect(sqlite.prepare("select 1")).toBe(one);
    sqlite.prepare("select 3");
    expect(sqlite.prepare("select 1")).toBe(one);
    expect(sqlite.prepare("select 2")).not.toBe(two);
  });

  it("runs writes through the kept statements", () => {
    const sqlite = connection();
    for (const name of ["d", "e"]) sqlite.prepare("insert into t (name) values (?)").run(name);
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 5 });
  });
});
