import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { isAdmin, isStaff } from '../auth/session';
import { AvailabilityToggle } from '../console/AvailabilityToggle';
import { useConnectionState } from '../realtime/RealtimeContext';

const CONNECTION_TEXT = { idle: '', connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/**
 * The frame of every signed-in screen: a skip link, the header with the sections the user's role
 * may use (portal or console, help articles, and the admin dashboard for admins), a staff member's
 * availability, and the main region.
 */
export function Layout() {
  const { user, logOut } = useAuth();
  const navigate = useNavigate();
  const connection = useConnectionState();
  const staff = isStaff(user);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page, as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Deskflow
        </Link>
        <nav aria-label="Main">
          <ul>
            {staff ? (
              <>
                <li>
                  <NavLink to="/console">Queue</NavLink>
                </li>
                {isAdmin(user) && (
                  <li>
                    <NavLink to="/admin">Admin</NavLink>
                  </li>
                )}
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/portal" end>
                    My tickets
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/portal/new">Raise a ticket</NavLink>
                </li>
              </>
            )}
            <li>
              <NavLink to="/portal/kb">Help articles</NavLink>
            </li>
          </ul>
        </nav>
        <div className="account">
          {connection !== 'idle' && (
            <span className={`connection connection-${connection}`} role="status">
              {CONNECTION_TEXT[connection]}
            </span>
          )}
          {staff && <AvailabilityToggle />}
          <span className="muted">
            {user?.tenant} · {user?.roles.map((role) => role.toLowerCase()).join(', ')}
          </span>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void logOut().then(() => navigate('/login'));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </>
  );
}
