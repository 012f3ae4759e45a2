import { createServer } from "node:net";

/** A TCP port free on the loopback right now, for a server started by a test, a bench or npm start. */
export function portLibre(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a !== null ? ok(a.port) : ko(new Error("aucun port libre"))));
    });
  });
}
