import { useMemo } from 'react';
import { useAuth } from '../auth/AuthContext';
import type { ApiClient } from './client';
import { TicketApi } from './tickets';

/** A typed endpoint group (TicketApi, KbApi, AiApi, AdminApi) through the signed-in user's API client. */
export function useApi<T>(Api: new (client: ApiClient) => T): T {
  const { client } = useAuth();
  return useMemo(() => new Api(client), [Api, client]);
}

/** The ticket endpoints, through the signed-in user's API client. */
export function useTicketApi(): TicketApi {
  return useApi(TicketApi);
}
