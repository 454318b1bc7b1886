import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { DEFAULT_LANG, translator, type Lang, type T } from "./i18n";

/** The user's language, from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.lang ?? DEFAULT_LANG;
}

/** The translator for the user's language. */
export function useT(): T {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}
