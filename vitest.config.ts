import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Component tests opt into jsdom with a `// @vitest-environment jsdom` line.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
