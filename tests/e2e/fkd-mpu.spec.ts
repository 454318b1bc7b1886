/**
 * Two provinces, two instances: DKI Jakarta (the app under test, E2E_PORT) and Jawa Barat
 * (a second instance started here on E2E_PORT + 10, PANTI_PROVINCE=32, with its own small demo
 * registry and key in tests/.tmp/jabar-<port>/). The administrators exchange public keys and
 * addresses on /admin/provinces; DKI prepares a hand-off from a resident's case file, edits the
 * draft and sends it; Jawa Barat receives it, accepts it as a referral to one of its panti and
 * admits it, and the stay it became shows where the person came from and confirms the arrival;
 * DKI sees each step on the hand-off, on the resident's case file and in the report. Also: a
 * draft discarded with a reason, and /api/docs against /api/v1/openapi.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { E2E_PASSWORD, E2E_PORT, E2E_SESSION_SECRET, ROOT } from "./e2e-env.js";
import { expect, pantiIdByCode, signIn, test } from "./fixtures";

const JABAR_PORT = E2E_PORT + 10;
const DKI_URL = `http://127.0.0.1:${E2E_PORT}`;
const JABAR_URL = `http://127.0.0.1:${JABAR_PORT}`;
const JABAR_DIR = path.join(ROOT, "tests", ".tmp", `jabar-${JABAR_PORT}`);
const JABAR_DB = path.join(JABAR_DIR, "panti-jabar.db");

let jabar: ChildProcess | null = null;

async function waitForLogin(url: string, deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Jawa Barat instance did not start at ${url}`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A demo database of its own (Jawa Barat's demo registry, marked as demo), for province 32.
  fs.rmSync(JABAR_DIR, { recursive: true, force: true });
  fs.mkdirSync(JABAR_DIR, { recursive: true });
  const env = { ...process.env, DATABASE_URL: JABAR_DB, DEMO_PASSWORD: E2E_PASSWORD, SEED_SCALE: "1", PANTI_PROVINCE: "32" };
  const setup = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["db/setup.ts"], { cwd: ROOT, env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`preparing the Jawa Barat database failed:\n${setup.stdout}\n${setup.stderr}`);
  jabar = spawn("node", ["server.js"], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(JABAR_PORT),
      SESSION_SECRET: E2E_SESSION_SECRET,
      LOG_REQUESTS: "false",
      COOKIE_SECURE: "false",
      PANTI_OUTBOX_INTERVAL_SECONDS: "2",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForLogin(JABAR_URL, Date.now() + 60_000);
});

test.afterAll(() => {
  jabar?.kill("SIGTERM");
});

async function contextFor(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  return { context, page: await context.newPage() };
}

/** Reads this instance's public key on one side and records it, with the address, on the other. */
async function registerPartner(from: Page, to: Page, code: string, baseUrl: string) {
  await from.goto("/admin/provinces");
  const publicKey = (await from.getByTestId("own-public-key").textContent())!.trim();
  await to.goto(`/admin/provinces/${code}`);
  await to.locator("#baseUrl").fill(baseUrl);
  await to.locator("#publicKey").fill(publicKey);
  await to.getByRole("button", { name: "Simpan" }).click();
  await expect(to).toHaveURL(/\/admin\/provinces\?saved=/);
}

test("DKI Jakarta hands a resident over to Jawa Barat, which accepts and confirms the arrival", async ({ browser, page, sql }) => {
  test.setTimeout(120_000);
  const jabarSide = await contextFor(browser, JABAR_URL);
  const j = jabarSide.page;

  // 1. The two administrators exchange keys and addresses.
  await signIn(page, "admin");
  await signIn(j, "admin");
  await expect(j.getByTestId("demo-banner")).toBeVisible();
  // Jawa Barat's own demo registry, not DKI's.
  await expect(j.getByTestId("instance-province")).toHaveText("Dinsos Jawa Barat");
  await j.goto("/panti");
  await expect(j.getByRole("link", { name: "Panti Sosial Bina Insan Bandung (DEMO)" })).toBeVisible();
  await expect(j.getByRole("link", { name: /Bangun Daya/ })).toHaveCount(0);
  await registerPartner(j, page, "32", JABAR_URL);
  await registerPartner(page, j, "31", DKI_URL);

  // The report before, to compare with after.
  await page.goto("/handoffs/report");
  const goodBefore = Number((await page.getByTestId("report-arrived-good").textContent())!.split("/")[0]!.replace(/\D/g, ""));

  // 2. DKI: a panti admin prepares the hand-off of a resident from the case file and sends it.
  const pantiId = pantiIdByCode(sql, "PSBI-BD1");
  const stay = sql
    .prepare(
      `select s.id, p.name from stays s join persons p on p.id = s.person_id
       where s.panti_id = ? and s.exited_at is null and p.name is not null and p.unidentified = 0 and p.ppks_category is not null
         and not exists (select 1 from handoffs h where h.stay_id = s.id)
       order by s.id limit 1`,
    )
    .get(pantiId) as { id: number; name: string };
  const dki = await contextFor(browser, DKI_URL);
  const d = dki.page;
  await signIn(d, "admin.bd1");
  await d.goto(`/panti/${pantiId}/stays/${stay.id}`);
  await d.getByRole("link", { name: "Siapkan serah terima" }).click();
  await d.locator("#partnerCode").selectOption("32");
  await d.locator("#destinationCity").fill("Kabupaten Garut");
  await d.locator("#reason").fill("Ingin pulang dan keluarga bersedia menerima");
  await d.getByLabel("KTP", { exact: true }).check();
  await d.locator("#health").fill("Sehat, tekanan darah terkontrol");
  await d.locator("#psychosocial").fill("Stabil dan kooperatif");
  await d.locator("#continueTraining").fill("Lanjutkan pelatihan menjahit");
  await d.locator("#escort").fill("Rina Kartika (peksos)");
  await d.locator("#plannedDate").fill("2026-12-15");
  // Without the person's consent nothing is saved.
  await d.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(d.getByText("Pemulangan memerlukan persetujuan warga binaan.")).toBeVisible();
  await d.getByLabel("Warga binaan menyetujui pemulangan ini").check();
  await d.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(d.getByTestId("handoff-status")).toHaveText("Draf");
  const handoffUrl = d.url().split("?")[0]!;
  // The draft is edited with the same form, its values filled in.
  await d.getByRole("link", { name: "Ubah draf" }).click();
  await expect(d.locator("#continueTraining")).toHaveValue("Lanjutkan pelatihan menjahit");
  await expect(d.getByLabel("KTP", { exact: true })).toBeChecked();
  await d.locator("#escort").fill("");
  await d.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(d.locator("#escort ~ .error")).toBeVisible();
  await d.locator("#escort").fill("Rina Kartika dan Yusuf (peksos)");
  await d.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(d.getByTestId("handoff-message")).toContainText("Perubahan draf disimpan.");
  await expect(d.getByTestId("handoff-packet")).toContainText("Rina Kartika dan Yusuf (peksos)");
  await expect(d.getByTestId("handoff-status")).toHaveText("Draf");
  // A draft is sent once a second person approved it: here Dinsos, from its queue.
  await expect(d.getByTestId("handoff-approval").getByTestId("approval-status")).toHaveText("Menunggu persetujuan");
  await expect(d.getByRole("button", { name: "Kirim serah terima" })).toHaveCount(0);
  const dinsos = await contextFor(browser, DKI_URL);
  await signIn(dinsos.page, "admin");
  await dinsos.page.goto("/approvals?kind=handoff");
  await dinsos.page.getByTestId("approval-row").filter({ hasText: stay.name }).getByTestId("approval-open").click();
  await dinsos.page.getByTestId("approval-approve").click();
  await expect(dinsos.page.getByTestId("approval-message")).toHaveText("Disetujui.");
  await d.goto(handoffUrl);
  await d.getByRole("button", { name: "Kirim serah terima" }).click();
  await expect(d.getByTestId("handoff-message")).toContainText("Provinsi mitra sudah menerimanya.");
  // Jawa Barat's instance reports the receipt back.
  await expect(async () => {
    await d.goto(handoffUrl);
    await expect(d.getByTestId("handoff-status")).toHaveText("Diterima provinsi tujuan", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // 3. Jawa Barat: the packet is in the queue; accept it as a referral to a panti, then the arrival.
  await j.goto("/handoffs?direction=incoming");
  await j.getByTestId("handoff-list").getByRole("link", { name: stay.name }).first().click();
  await expect(j.getByTestId("handoff-packet")).toContainText("Lanjutkan pelatihan menjahit");
  await j.locator("#targetPantiId").selectOption({ index: 1 });
  await j.getByRole("button", { name: "Setujui" }).click();
  await expect(j.getByTestId("handoff-message")).toContainText("Serah terima disetujui. Provinsi mitra sudah menerimanya.");
  await expect(j.getByTestId("handoff-status")).toHaveText("Disetujui");
  // The referral carries the person's history.
  await j.getByRole("link", { name: /^Rujukan #/ }).click();
  await expect(j.getByText("Serah terima FKD-MPU dari Dinas Sosial DKI Jakarta", { exact: false })).toBeVisible();
  // The panti admits the referral into a bed: the stay it becomes shows the hand-off it came from.
  await j.getByTestId("admission").getByRole("button", { name: "Terima" }).click();
  await expect(j.getByTestId("decision-message")).toContainText("Diterima di tempat tidur");
  await j.getByTestId("admission-next-steps").getByRole("link").first().click();
  const arrivedFrom = j.getByTestId("arrived-from");
  await expect(arrivedFrom).toContainText("Datang lewat serah terima dari DKI Jakarta");
  await expect(arrivedFrom).toContainText("Lanjutkan pelatihan menjahit");
  await expect(arrivedFrom.getByTestId("arrived-from-status")).toHaveText("Disetujui");
  const stayUrl = j.url().split("?")[0]!;
  // The arrival is confirmed from the stay; the hand-off then shows the stay it became.
  await arrivedFrom.locator("#condition").selectOption("good");
  await arrivedFrom.getByRole("button", { name: "Konfirmasi kedatangan" }).click();
  await expect(j.getByTestId("handoff-status")).toHaveText("Telah tiba");
  await j.getByTestId("handoff-stay").click();
  await expect(j).toHaveURL(stayUrl);
  await expect(j.getByTestId("arrived-from-status")).toHaveText("Telah tiba");

  // 4. DKI sees the arrival on the hand-off, on the resident's case file and in the report.
  await d.goto(handoffUrl);
  await expect(d.getByTestId("handoff-status")).toHaveText("Telah tiba");
  await expect(d.getByTestId("handoff-events")).toContainText("dilaporkan Jawa Barat");
  await d.goto(`/panti/${pantiId}/stays/${stay.id}`);
  await expect(d.getByTestId("case-handoffs")).toContainText("Telah tiba");
  await expect(d.getByTestId("case-handoffs")).toContainText("Baik");
  await page.goto("/handoffs/report");
  const goodAfter = Number((await page.getByTestId("report-arrived-good").textContent())!.split("/")[0]!.replace(/\D/g, ""));
  expect(goodAfter).toBe(goodBefore + 1);
  await expect(page.getByTestId("report-by-partner").locator('tr[data-partner="32"][data-status="arrived"]')).toBeVisible();

  await jabarSide.context.close();
  await dki.context.close();
  await dinsos.context.close();
});

test("a draft hand-off is discarded with a reason, and the resident's case file offers a new one", async ({ page, sql }) => {
  const pantiId = pantiIdByCode(sql, "PSBI-BD1");
  const stay = sql
    .prepare(
      `select s.id from stays s join persons p on p.id = s.person_id
       where s.panti_id = ? and s.exited_at is null and p.name is not null and p.unidentified = 0 and p.restricted = 0
         and not exists (select 1 from handoffs h where h.stay_id = s.id)
       order by s.id desc limit 1`,
    )
    .get(pantiId) as { id: number };
  await signIn(page, "admin.bd1");
  await page.goto(`/panti/${pantiId}/stays/${stay.id}/handoff`);
  await page.locator("#partnerCode").selectOption("32");
  await page.locator("#destinationCity").fill("Kota Bandung");
  await page.locator("#reason").fill("Keluarga di Bandung bersedia menerima");
  await page.locator("#health").fill("Sehat");
  await page.locator("#psychosocial").fill("Stabil");
  await page.locator("#escort").fill("Rina Kartika (peksos)");
  await page.locator("#plannedDate").fill("2026-12-20");
  await page.getByLabel("Warga binaan menyetujui pemulangan ini").check();
  await page.getByRole("button", { name: "Simpan sebagai draf" }).click();
  await expect(page.getByTestId("handoff-status")).toHaveText("Draf");
  // A reason is required; then the draft is discarded and stays on record.
  await page.getByRole("button", { name: "Batalkan draf" }).click();
  await expect(page.locator("#discard-reason ~ .error")).toBeVisible();
  await page.locator("#discard-reason").fill("Keluarga belum siap menjemput");
  await page.getByRole("button", { name: "Batalkan draf" }).click();
  await expect(page.getByTestId("handoff-status")).toHaveText("Dibatalkan");
  await expect(page.getByTestId("handoff-events")).toContainText("Keluarga belum siap menjemput");
  await expect(page.getByRole("link", { name: "Ubah draf" })).toHaveCount(0);
  await page.goto(`/panti/${pantiId}/stays/${stay.id}`);
  await expect(page.getByTestId("case-handoffs")).toContainText("Dibatalkan");
  await expect(page.getByRole("link", { name: "Siapkan serah terima" })).toBeVisible();
});

test("/api/docs shows every path of /api/v1/openapi.json", async ({ request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const html = await (await request.get("/api/docs")).text();
  const paths = Object.keys(document.paths);
  expect(paths).toEqual(expect.arrayContaining(["/api/v1/handoffs", "/api/v1/handoffs/{id}/status", "/api/v1/tracing-requests", "/api/v1/tracing-requests/{id}/answer"]));
  for (const path of paths) {
    for (const method of Object.keys(document.paths[path]!)) expect(html, `${method} ${path}`).toContain(`data-path="${path}" data-method="${method}"`);
  }
});
