import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { isAdmin, isStaff } from './auth/session';
import { AgentTicket } from './console/AgentTicket';
import { Queue } from './console/Queue';
import { ArticlePage } from './kb/ArticlePage';
import { KnowledgeBase } from './kb/KnowledgeBase';
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

function RequireAdmin() {
  const { user } = useAuth();
  return isAdmin(user) ? <Outlet /> : <Navigate to="/" replace />;
}

/** The admin dashboard is loaded only when an admin opens it, so the first screen stays small. */
const Admin = lazy(() => import('./admin/Admin'));

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
 * The routes: the customer portal with the knowledge base, the agent console (the AI panel lives
 * inside `console/AgentTicket`), and the admin dashboard, lazily loaded behind an ADMIN guard.
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
          <Route path="portal/kb" element={<KnowledgeBase />} />
          <Route path="portal/kb/:id" element={<ArticlePage />} />
          <Route element={<RequireStaff />}>
            <Route path="console" element={<Queue />} />
            <Route path="console/tickets/:id" element={<AgentTicket />} />
          </Route>
          <Route element={<RequireAdmin />}>
            <Route
              path="admin/*"
              element={
                <Suspense fallback={<p role="status">Loading the dashboard…</p>}>
                  <Admin />
                </Suspense>
              }
            />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
