import type { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { jsonPublic } from "../http.ts";
import { documentOpenApi } from "../openapi.ts";

export function routesOpenApi(app: Hono<AppEnv>): void {
  app.get("/v1/openapi.json", (c) => jsonPublic(c, documentOpenApi(), 3600));
}
