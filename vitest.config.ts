import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // PGlite is one WASM instance per test file; the machine has two cores, so two files at a time.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // GB/T 9704 layout of the rendered documents, measured through LibreOffice and poppler.
          name: "documents",
          include: ["test/documents/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/e2e/**/*.spec.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One browser flow at a time: they share the server they start.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
