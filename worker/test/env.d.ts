import type { D1Migration } from "cloudflare:test";
import type { Env as EnvLogsoc } from "../src/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends EnvLogsoc {
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index.ts");
    }
  }
}
