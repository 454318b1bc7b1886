/** Every page of a demo database says so; a production database does not. */
import { describe, expect, it } from "vitest";
import { auditLog } from "#db/schema";
import { DEMO_SEED_ACTION } from "#db/seed/markers";
import { loader as appLoader } from "~/routes/_app/route";
import { db } from "~/utils/db.server";
import { cookieFor, createUser } from "../factories";

async function layoutFor(cookie: string) {
  return appLoader({ request: new Request("http://127.0.0.1/home", { headers: { Cookie: cookie } }), params: {}, context: {} });
}

describe("demo banner", () => {
  it("is off on a database the demo seed never filled, and on once it did", async () => {
    const user = createUser("dinsos_viewer");
    const cookie = await cookieFor(user.username);
    db.insert(auditLog).values({ at: new Date(), userId: null, action: "setup.reference", entity: "database" }).run();
    expect((await layoutFor(cookie)).demo).toBe(false);
    db.insert(auditLog).values({ at: new Date(), userId: null, action: DEMO_SEED_ACTION, entity: "database" }).run();
    expect((await layoutFor(cookie)).demo).toBe(true);
  });
});
