import { useMemo } from 'react';
import { useAuth } from '../auth/AuthContext';
import { TicketApi } from './tickets';

/** The ticket endpoints, through the signed-in user's API client. */
export function useTicketApi(): TicketApi {
  const { client } = useAuth();
  return useMemo(() => new TicketApi(client), [client]);
}
