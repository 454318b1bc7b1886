/** The messages of both languages for every test (app/utils/i18n.ts reads them from ./dictionary.server.ts). */
import "~/utils/dictionary.server";
