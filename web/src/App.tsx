import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { isStaff } from './auth/session';
import { AgentTicket } from './console/AgentTicket';
import { Queue } from './console/Queue';
import { CustomerTicket } from './portal/CustomerTicket';
import { MyTickets } from './portal/MyTickets';
import { RaiseTicket } from './portal/RaiseTicket';
import { SignIn } from './portal/SignIn';
import { SignUp } from './portal/SignUp';
import { Layout } from './ui/Layout';

function RequireUser() {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}

function RequireStaff() {
  const { user } = useAuth();
  return isStaff(user) ? <Outlet /> : <Navigate to="/portal" replace />;
}

function Home() {
  const { user } = useAuth();
  return <Navigate to={isStaff(user) ? '/console' : '/portal'} replace />;
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </section>
  );
}

/**
 * The routes. Sections still to come get their own branch here when their API lands:
 * `/portal/kb` (knowledge base, /api/kb), the AI panel inside `console/AgentTicket`
 * (/api/ai), and `/admin/...` (reports and desk settings, /api/admin) behind an ADMIN guard.
 */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<SignIn />} />
      <Route path="/signup" element={<SignUp />} />
      <Route element={<RequireUser />}>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="portal" element={<MyTickets />} />
          <Route path="portal/new" element={<RaiseTicket />} />
          <Route path="portal/tickets/:id" element={<CustomerTicket />} />
          <Route element={<RequireStaff />}>
            <Route path="console" element={<Queue />} />
            <Route path="console/tickets/:id" element={<AgentTicket />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
