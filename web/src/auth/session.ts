export type Role = 'CUSTOMER' | 'AGENT' | 'ADMIN';

/** What log-in and refresh answer. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The signed-in user, read from the access token's claims. */
export interface User {
  id: string;
  tenant: string;
  roles: Role[];
}

type Listener = (user: User | null) => void;

const STORAGE_KEY = 'deskflow.session';

/**
 * The tokens of the signed-in user: kept in memory and mirrored into sessionStorage, so a reload
 * keeps the user signed in while closing the tab signs them out. Never in localStorage.
 */
export class Session {
  private current: Tokens | null = null;

  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null) {
    const saved = storage?.getItem(STORAGE_KEY);
    if (saved) {
      try {
        this.current = JSON.parse(saved) as Tokens;
        userOf(this.current.accessToken);
      } catch {
        this.current = null;
        storage?.removeItem(STORAGE_KEY);
      }
    }
  }

  get tokens(): Tokens | null {
    return this.current;
  }

  get user(): User | null {
    return this.current ? userOf(this.current.accessToken) : null;
  }

  set(tokens: Tokens): void {
    this.current = tokens;
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
    this.notify();
  }

  clear(): void {
    if (this.current === null) {
      return;
    }
    this.current = null;
    this.storage?.removeItem(STORAGE_KEY);
    this.notify();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    const user = this.user;
    this.listeners.forEach((listener) => listener(user));
  }
}

/** Staff work in the agent console; customers in the portal. */
export function isStaff(user: User | null): boolean {
  return user !== null && user.roles.some((role) => role === 'AGENT' || role === 'ADMIN');
}

export function isAdmin(user: User | null): boolean {
  return user !== null && user.roles.includes('ADMIN');
}

/**
 * Reads the claims of a JWT without verifying it: the gateway and the services verify; the SPA
 * only needs to know whom to show which screens.
 */
export function userOf(accessToken: string): User {
  const payload = accessToken.split('.')[1];
  if (!payload) {
    throw new Error('not a JWT');
  }
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json) as Record<string, unknown>;
  if (typeof claims.sub !== 'string' || typeof claims.tenant !== 'string') {
    throw new Error('the token has no sub or tenant claim');
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [];
  return { id: claims.sub, tenant: claims.tenant, roles };
}

function isRole(value: unknown): value is Role {
  return value === 'CUSTOMER' || value === 'AGENT' || value === 'ADMIN';
}
