import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { rememberTenant, rememberedTenant } from './SignIn';

export function SignUp() {
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState({ tenant: rememberedTenant(), name: '', email: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tenant = form.tenant.trim();
      await signUp({ ...form, tenant, email: form.email.trim(), name: form.name.trim() });
      rememberTenant(tenant);
      navigate('/portal', { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="auth-page">
      <h1>Create your account</h1>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={error} shownFields={['tenant', 'name', 'email', 'password']} />
        <Field
          label="Organisation"
          name="tenant"
          error={error}
          hint="The short name of the help desk you want to reach."
        >
          {(props) => (
            <input {...props} value={form.tenant} onChange={set('tenant')} autoComplete="organization" required />
          )}
        </Field>
        <Field label="Your name" name="name" error={error}>
          {(props) => <input {...props} value={form.name} onChange={set('name')} autoComplete="name" required />}
        </Field>
        <Field label="E-mail" name="email" error={error}>
          {(props) => (
            <input {...props} type="email" value={form.email} onChange={set('email')} autoComplete="email" required />
          )}
        </Field>
        <Field label="Password" name="password" error={error} hint="At least 10 characters.">
          {(props) => (
            <input
              {...props}
              type="password"
              value={form.password}
              onChange={set('password')}
              autoComplete="new-password"
              minLength={10}
              required
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </main>
  );
}
