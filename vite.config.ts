/** The web app: src/web → dist/web (served by the server with an SPA fallback). Dev server proxies /api. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Big libraries in their own chunks, so the app's code changes without re-downloading them. */
function manualChunks(id: string): string | undefined {
  if (!id.includes("node_modules")) return undefined;
  if (/[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return "echarts";
  if (/[\\/]node_modules[\\/]zod[\\/]/.test(id)) return "zod";
  if (/[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/.test(id)) return "react";
  if (/[\\/]node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component|dayjs)[\\/]/.test(id)) return "antd";
  return "vendor";
}

export default defineConfig({
  root: path.join(here, "src/web"),
  base: "/",
  plugins: [react()],
  build: {
    outDir: path.join(here, "dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: { manualChunks },
      // zod's sources carry comments Rollup reports as misplaced annotations: harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { "^/api/": "http://127.0.0.1:3000" },
  },
});
