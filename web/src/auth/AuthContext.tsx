import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { Session, Tokens, User } from './session';

export interface Credentials {
  tenant: string;
  email: string;
  password: string;
}

export interface SignUp extends Credentials {
  name: string;
}

export interface Auth {
  user: User | null;
  client: ApiClient;
  session: Session;
  logIn(credentials: Credentials): Promise<User>;
  signUp(signUp: SignUp): Promise<User>;
  logOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** Holds who is signed in; re-renders its children when that changes (log-in, log-out, expiry). */
export function AuthProvider({
  session,
  client,
  children,
}: {
  session: Session;
  client: ApiClient;
  children: ReactNode;
}) {
  const user = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.tokens,
  );
  const auth = useMemo<Auth>(() => {
    const logIn = async (credentials: Credentials) => {
      const { data } = await client.post<Tokens>('/api/auth/login', credentials);
      session.set(data);
      return session.user as User;
    };
    return {
      user: session.user,
      client,
      session,
      logIn,
      async signUp(signUp) {
        await client.post('/api/auth/signup', signUp);
        return logIn({ tenant: signUp.tenant, email: signUp.email, password: signUp.password });
      },
      async logOut() {
        const tokens = session.tokens;
        session.clear();
        if (tokens) {
          // Revokes the refresh token; the user is signed out here whatever the server answers.
          await client.post('/api/auth/logout', { refreshToken: tokens.refreshToken }).catch(() => undefined);
        }
      },
    };
    // the tokens identify the user: recompute when they change
  }, [session, client, user]);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) {
    throw new Error('useAuth outside AuthProvider');
  }
  return auth;
}
