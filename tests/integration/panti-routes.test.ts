import { describe, expect, it } from "vitest";
import { action as pantiAction, loader as pantiLoader } from "~/routes/_app.panti.$pantiId/route";
import { loader as listLoader } from "~/routes/_app.panti._index";
import { loader as homeLoader } from "~/routes/_app.home/route";
import { cookieFor, createPanti, createResident, createRoom, createUser, bedById } from "../factories";
import { callRoute as call, getRequest as get, postForm as post, routeArgs as args } from "../routes";


describe("shelter routes: access", () => {
  it("sends anonymous users to sign in", async () => {
    const res = await call(() => listLoader(args(get("/panti"))));
    expect(res.status).toBe(302);
    expect(res.headers?.get("Location")).toBe("/login?redirectTo=%2Fpanti");
  });

  it("shows Dinsos every panti and a panti admin only their own", async () => {
    const a = createPanti();
    const b = createPanti();
    createRoom(a.id, 2);
    createRoom(b.id, 3);
    const dinsos = createUser("dinsos_viewer");
    const admin = createUser("panti_admin", a.id);

    const all = await listLoader(args(get("/panti", await cookieFor(dinsos.username))));
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const own = await listLoader(args(get("/panti", await cookieFor(admin.username))));
    expect(own.rows.map((r) => r.id)).toEqual([a.id]);
    expect(own.total.capacity).toBe(2);
  });

  it("answers 404 for another panti's page, 403 for a role without access, 404 for nonsense ids", async () => {
    const a = createPanti();
    const b = createPanti();
    const { beds } = createRoom(b.id, 1);
    createResident(b.id, beds[0]!.id);
    const admin = await cookieFor(createUser("panti_admin", a.id).username);
    const outreach = await cookieFor(createUser("outreach").username);

    expect((await call(() => pantiLoader(args(get(`/panti/${b.id}`, admin), { pantiId: String(b.id) })))).status).toBe(404);
    expect((await call(() => pantiLoader(args(get(`/panti/${a.id}`, admin), { pantiId: String(a.id) })))).status).toBe(200);
    expect((await call(() => pantiLoader(args(get(`/panti/${b.id}`, outreach), { pantiId: String(b.id) })))).status).toBe(403);
    expect((await call(() => pantiLoader(args(get(`/panti/abc`, admin), { pantiId: "abc" })))).status).toBe(404);
    const dinsos = await cookieFor(createUser("dinsos_admin").username);
    expect((await call(() => pantiLoader(args(get(`/panti/999999`, dinsos), { pantiId: "999999" })))).status).toBe(404);
  });

  it("refuses bed changes in another panti with 404 and changes nothing", async () => {
    const a = createPanti();
    const b = createPanti();
    const { beds } = createRoom(b.id, 1);
    const admin = await cookieFor(createUser("panti_admin", a.id).username);
    const res = await call(() =>
      pantiAction(
        args(
          post(`/panti/${b.id}`, admin, {
            intent: "bed-status",
            bedId: String(beds[0]!.id),
            status: "out_of_service",
            expectedStatus: "available",
            reason: "Rusak berat",
          }),
          { pantiId: String(b.id) },
        ),
      ),
    );
    expect(res.status).toBe(404);
    expect(bedById(beds[0]!.id)!.status).toBe("available");

    // Posting to one's own panti with the other panti's bed is not found either.
    const own = await call(() =>
      pantiAction(
        args(
          post(`/panti/${a.id}`, admin, {
            intent: "bed-status",
            bedId: String(beds[0]!.id),
            status: "out_of_service",
            expectedStatus: "available",
            reason: "Rusak berat",
          }),
          { pantiId: String(a.id) },
        ),
      ),
    );
    expect(own.status).toBe(404);
    expect(bedById(beds[0]!.id)!.status).toBe("available");
  });

  it("gives field errors (400) for bad input and a clear conflict (409) for an occupied bed", async () => {
    const p = createPanti();
    const { beds } = createRoom(p.id, 2);
    createResident(p.id, beds[1]!.id);
    const admin = await cookieFor(createUser("panti_admin", p.id).username);

    const bad = await call(() =>
      pantiAction(
        args(post(`/panti/${p.id}`, admin, { intent: "add-room", name: "<b>x</b>", sex: "attic", bedCount: "-3" }), {
          pantiId: String(p.id),
        }),
      ),
    );
    expect(bad.status).toBe(400);
    const body = bad.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["bedCount", "sex"]);
    expect(body.values.name).toBe("<b>x</b>");

    const conflict = await call(() =>
      pantiAction(
        args(
          post(`/panti/${p.id}`, admin, {
            intent: "bed-status",
            bedId: String(beds[1]!.id),
            status: "out_of_service",
            expectedStatus: "available",
            reason: "Rusak berat",
          }),
          { pantiId: String(p.id) },
        ),
      ),
    );
    expect(conflict.status).toBe(409);
    expect((conflict.body as { formError: string }).formError).toMatch(/sedang dipakai/);
  });

  it("fits the home page to the role", async () => {
    const p = createPanti();
    createRoom(p.id, 4);
    const admin = await cookieFor(createUser("panti_admin", p.id).username);
    const home = await homeLoader(args(get("/home", admin)));
    expect(home.kind).toBe("panti");
    const dinsos = await cookieFor(createUser("dinsos_viewer").username);
    expect((await homeLoader(args(get("/home", dinsos)))).kind).toBe("network");
    const outreach = await cookieFor(createUser("outreach").username);
    expect((await homeLoader(args(get("/home", outreach)))).kind).toBe("outreach");
  });
});
