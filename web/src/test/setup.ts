import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The suite shares two cores with platform builds: give findBy/waitFor room before they fail.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  // pure-logic suites run in the node environment, without a DOM
  if (typeof window !== 'undefined') {
    cleanup();
    window.sessionStorage.clear();
    window.localStorage.clear();
  }
});
