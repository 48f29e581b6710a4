import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiClient } from './api/client';
import { App } from './App';
import { AuthProvider } from './auth/AuthContext';
import { Session } from './auth/session';
import { RealtimeClient } from './realtime/RealtimeClient';
import { RealtimeProvider } from './realtime/RealtimeContext';
import './styles.css';

const session = new Session(window.sessionStorage);
const client = new ApiClient(session);
const realtime = new RealtimeClient({
  connectTicket: async () =>
    (await client.request<{ ticket: string }>('/api/realtime/connect-tickets', { method: 'POST' })).data.ticket,
});
session.subscribe((user) => {
  if (!user) {
    realtime.stop();
  }
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AuthProvider session={session} client={client}>
      <RealtimeProvider client={realtime}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </RealtimeProvider>
    </AuthProvider>
  </StrictMode>,
);
