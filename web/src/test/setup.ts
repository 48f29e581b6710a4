import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  // pure-logic suites run in the node environment, without a DOM
  if (typeof window !== 'undefined') {
    cleanup();
    window.sessionStorage.clear();
    window.localStorage.clear();
  }
});
