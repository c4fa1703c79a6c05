import { defineConfig } from "vite";

// The app loads the built files from inside the binary; relative paths keep them working
// under Tauri's custom protocol.
export default defineConfig({
  base: "./",
  // The bundle is read from inside the binary, not downloaded: its size is not a concern.
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", sourcemap: false, chunkSizeWarningLimit: 2000 },
  clearScreen: false,
});
