/**
 * The sign-in form loads its code when the user starts using it (`lazyWhenSeen` with `whenUsed`,
 * app/components/ui/when-used.ts; docs/decisions/026-bed-board-by-room.md): until then the
 * server's form is a plain POST to the same action. These tests hold the form's chunk back
 * (page.route) to decide when it arrives: what was typed before it, the focus and the caret are
 * kept across the swap, a pointer held down or an IME composition delays the swap, a submit
 * before the code signs in (or shows the translated error), and after the swap the form checks
 * itself in the browser in both languages.
 */
import type { Page, Request, Route } from "@playwright/test";
import { E2E_PASSWORD, expect, test } from "./fixtures";

/** The form's own chunk (its dynamic import), which imports zod, react-hook-form and the form kit. */
const FORM_CHUNK = /\/build\/_shared\/sign-in-form-[A-Z0-9]+\.js$/;

/** Holds the form's chunk back until `release()`; `url()` is its address once the page asked for it. */
async function holdFormChunk(page: Page) {
  const held: Route[] = [];
  let released = false;
  let asked: string | null = null;
  await page.route(FORM_CHUNK, (route) => {
    asked = route.request().url();
    if (released) return route.continue();
    held.push(route);
  });
  return {
    url: () => asked,
    asked: () => expect.poll(() => asked, { message: "the form's chunk was asked for" }).not.toBeNull(),
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/**
 * Opens the sign-in page and waits until it has hydrated. Its server-rendered username field is
 * marked before the page's scripts run (it hydrates after DOMContentLoaded, entry.client.tsx).
 */
async function openSignIn(page: Page, path = "/login") {
  await page.addInitScript(() =>
    document.addEventListener("DOMContentLoaded", () => Object.assign(window, { serverUsername: document.getElementById("username") })),
  );
  await page.goto(path);
  await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized));
  expect(await page.evaluate(() => (window as unknown as { serverUsername: HTMLElement | null }).serverUsername?.id)).toBe("username");
}

/** Whether the username field is still the one the server rendered (the form's code has not taken its place). */
function serverFormInPlace(page: Page) {
  return page.evaluate(() => (window as unknown as { serverUsername: HTMLElement }).serverUsername.isConnected);
}

async function waitForSwap(page: Page) {
  await page.waitForFunction(() => !(window as unknown as { serverUsername: HTMLElement }).serverUsername.isConnected);
}

/** Waits until the page has evaluated the form's module (and what runs after it in the same turn). */
async function moduleEvaluated(page: Page, url: string) {
  await page.evaluate(async (chunk) => {
    await import(chunk);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }, url);
}

/** The POSTs that load a document (a plain form post), as opposed to the router's fetches. */
function documentPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.isNavigationRequest()) posts.push(request);
  });
  return posts;
}

test("the page loads no form code until the user reaches into the form", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  await openSignIn(page);
  // The page's own autofocus is not use: nothing is asked for yet.
  await expect(page.locator("#username")).toBeFocused();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  expect(chunk.url()).toBeNull();
  await page.keyboard.type("a");
  await chunk.asked();
  await chunk.release();
  await waitForSwap(page);
  await expect(page.locator("#username")).toHaveValue("a");
});

test("what was typed before the form's code arrived is kept, with the focus and the caret, and the form then signs in by itself", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  const posts = documentPosts(page);
  await openSignIn(page);
  await page.locator("#username").click();
  await page.keyboard.type("admn");
  await page.keyboard.press("Tab");
  await page.keyboard.type(E2E_PASSWORD);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await chunk.asked();
  expect(await serverFormInPlace(page)).toBe(true);

  await chunk.release();
  await waitForSwap(page);
  const username = page.locator("#username");
  await expect(username).toBeFocused();
  await expect(username).toHaveValue("admn");
  await expect(page.locator("#password")).toHaveValue(E2E_PASSWORD);
  expect(await username.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([3, 3]);
  // The caret is where it was: the next key goes there.
  await page.keyboard.type("i");
  await expect(username).toHaveValue("admin");
  // The loaded form has the values (react-hook-form would refuse empty fields) and posts itself.
  await Promise.all([page.waitForURL((url) => url.pathname === "/home"), page.keyboard.press("Enter")]);
  await expect(page.getByTestId("current-user")).toBeAttached();
  expect(posts.map((post) => post.url())).toEqual([]);
});

test("a submit before the form's code arrives is a plain post: a wrong password shows the translated error, the right one signs in", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  const posts = documentPosts(page);
  await openSignIn(page, "/login?redirectTo=%2Fpanti");
  await page.locator("#username").fill("analis");
  await page.locator("#password").fill("not-the-password");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("alert")).toHaveText("Nama pengguna atau kata sandi salah.");
  await expect(page.locator("#username")).toHaveValue("analis");
  expect(posts).toHaveLength(1);
  await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized));

  await page.locator("#password").fill(E2E_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === "/panti"), page.getByRole("button", { name: "Masuk" }).click()]);
  await expect(page.getByTestId("current-user")).toBeAttached();
  expect(posts).toHaveLength(2);
  // The chunk never arrived: both posts were the server's form.
  await chunk.release();
});

test("while a pointer is down on the submit button the form is not replaced: the click still signs in", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  const posts = documentPosts(page);
  await openSignIn(page);
  await page.locator("#username").fill("admin");
  await page.locator("#password").fill(E2E_PASSWORD);
  // Asked for: the form's listeners are there.
  await chunk.asked();
  const box = (await page.getByRole("button", { name: "Masuk" }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await chunk.release();
  await moduleEvaluated(page, chunk.url()!);
  expect(await serverFormInPlace(page)).toBe(true);
  await Promise.all([page.waitForURL((url) => url.pathname === "/home"), page.mouse.up()]);
  await expect(page.getByTestId("current-user")).toBeAttached();
  expect(posts).toHaveLength(1);
});

test("during an IME composition the form is not replaced; after it, the composed text is kept", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  await openSignIn(page);
  // A press on the form starts the load (and shows that its listeners are there); then the composition.
  await page.locator("#password").click();
  await chunk.asked();
  await page.locator("#username").click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "adm", selectionStart: 3, selectionEnd: 3 });
  await chunk.release();
  await moduleEvaluated(page, chunk.url()!);
  expect(await serverFormInPlace(page)).toBe(true);
  await cdp.send("Input.insertText", { text: "admin" });
  await waitForSwap(page);
  await expect(page.locator("#username")).toHaveValue("admin");
  await expect(page.locator("#username")).toBeFocused();
});

test("values filled in without events (a password manager) are kept when the form's code takes over", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  const posts = documentPosts(page);
  await openSignIn(page);
  await page.evaluate((password) => {
    (document.getElementById("username") as HTMLInputElement).value = "admin";
    (document.getElementById("password") as HTMLInputElement).value = password;
  }, E2E_PASSWORD);
  await page.locator("#password").click();
  await chunk.asked();
  await chunk.release();
  await waitForSwap(page);
  await expect(page.locator("#password")).toBeFocused();
  await expect(page.locator("#username")).toHaveValue("admin");
  await Promise.all([page.waitForURL((url) => url.pathname === "/home"), page.keyboard.press("Enter")]);
  expect(posts).toEqual([]);
});

test("a button that has the focus keeps it when the form's code takes over", async ({ page }) => {
  const chunk = await holdFormChunk(page);
  await openSignIn(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Masuk" })).toBeFocused();
  await chunk.asked();
  await chunk.release();
  await waitForSwap(page);
  await expect(page.getByRole("button", { name: "Masuk" })).toBeFocused();
});

test("after the swap the form checks itself in the browser, in Bahasa Indonesia and in English", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && !request.url().includes("/set-language")) posts.push(request.url());
  });
  for (const [submit, required, next] of [
    ["Masuk", "Wajib diisi.", "English"],
    ["Sign in", "Required.", null],
  ] as const) {
    await openSignIn(page);
    // A press on the form starts the load (the username field has the page's autofocus, which does not).
    await page.locator("#password").click();
    await waitForSwap(page);
    await expect(page.locator('label[for="username"] .required-mark')).toBeVisible();
    await page.getByRole("button", { name: submit }).click();
    await expect(page.locator("#username ~ .error")).toHaveText(required);
    await expect(page.locator("#password ~ .error")).toHaveText(required);
    // The errors follow typing.
    await page.locator("#username").fill("admin");
    await expect(page.locator("#username ~ .error")).toHaveCount(0);
    expect(posts).toEqual([]);
    if (next) await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: next }).click()]);
  }
});

test("signing out lands on the sign-in page with its form there at once, and the form works", async ({ page, login }) => {
  await login("admin");
  // Whether the form is in the page when the sign-in heading first is (a client-side render).
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector("main h1")?.textContent !== "Masuk") return;
      Object.assign(window, { formWithHeading: Boolean(document.getElementById("username")) });
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect.poll(() => page.evaluate(() => (window as { formWithHeading?: boolean }).formWithHeading)).toBe(true);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#username ~ .error")).toHaveText("Wajib diisi.");
});
