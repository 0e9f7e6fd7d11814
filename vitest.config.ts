import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources while developing (see package.json
    // "@lcz/source" export condition); test/dist/*.test.ts checks the built artefacts separately.
    conditions: ['@lcz/source'],
  },
  ssr: { resolve: { conditions: ['@lcz/source'], externalConditions: ['@lcz/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
