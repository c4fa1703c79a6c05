import { defineConfig } from "vitest/config";

// Unit tests of the window's logic: a DOM from happy-dom, the shell replaced by Tauri's own
// IPC mocks (`mockIPC`), so the code under test is the code the app runs.
export default defineConfig({
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.ts"],
    // A zone with a half-hour offset and no relation to UTC: local-time bugs cannot hide.
    env: { TZ: "America/St_Johns" },
    restoreMocks: true,
  },
});
