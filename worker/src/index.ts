import { createApp } from "./app.ts";

/** The LogSoc Worker: API under /v1, add-in files served as static assets (wrangler.toml). */
export default createApp();
