import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA lives in src/web; its build lands in dist/web, which the server serves.
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    assetsDir: "assets",
    // Read by scripts/bundle-size.ts to measure what each page loads.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:3000", "/healthz": "http://127.0.0.1:3000" },
  },
});
