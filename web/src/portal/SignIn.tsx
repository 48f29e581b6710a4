import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { isStaff } from '../auth/session';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';

const TENANT_KEY = 'deskflow.tenant';

/** Remembers the last tenant slug on this device: people sign in to the same desk again. */
export function rememberedTenant(): string {
  return localStorage.getItem(TENANT_KEY) ?? '';
}

export function rememberTenant(tenant: string): void {
  localStorage.setItem(TENANT_KEY, tenant);
}

export function SignIn() {
  const { user, logIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // where RequireUser sent the user from, so a bookmarked ticket opens after signing in
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [tenant, setTenant] = useState(params.get('tenant') ?? rememberedTenant());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user && !busy) {
    return <Navigate to={isStaff(user) ? '/console' : '/portal'} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await logIn({ tenant: tenant.trim(), email: email.trim(), password });
      rememberTenant(tenant.trim());
      navigate(from ?? (isStaff(signedIn) ? '/console' : '/portal'), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="auth-page">
      <h1>Sign in to Deskflow</h1>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={error} shownFields={['tenant', 'email', 'password']} />
        <Field label="Organisation" name="tenant" error={error} hint="The short name of your help desk, such as demo.">
          {(props) => (
            <input
              {...props}
              value={tenant}
              onChange={(e) => setTenant(e.target.value)}
              autoComplete="organization"
              required
            />
          )}
        </Field>
        <Field label="E-mail" name="email" error={error}>
          {(props) => (
            <input
              {...props}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="username"
              required
            />
          )}
        </Field>
        <Field label="Password" name="password" error={error}>
          {(props) => (
            <input
              {...props}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link to="/signup">Create a customer account</Link>
      </p>
    </main>
  );
}
