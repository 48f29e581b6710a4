import type { ApiClient } from './client';
import type { TicketPriority } from './tickets';

/** Why a match was proposed: the terms it shares with the ticket and which rankers found it. */
export interface Explanation {
  sharedTerms: string[];
  similarity?: number;
  sources: string[];
}

/** A solved ticket like this one, with how it was resolved (staff only). */
export interface SimilarTicket {
  id: string;
  subject: string;
  resolution?: string;
  category?: string;
  priority?: TicketPriority;
  confidence: number;
  explanation: Explanation;
}

export interface ArticleMatch {
  id: string;
  title: string;
  confidence: number;
  explanation: Explanation;
}

/** A suggested label; `label` is null when nothing in the corpus supports one. */
export interface LabelSuggestion {
  label: string | null;
  confidence: number;
  majorityLabel?: string | null;
  majorityRate?: number;
  neighbours?: number;
}

/** What ai-service answers for a ticket or a draft (docs/ai.md). */
export interface Recommendations {
  ticketId: string | null;
  model: { name: string; keywordOnly: boolean };
  tickets: SimilarTicket[];
  articles: ArticleMatch[];
  suggestions: { category?: LabelSuggestion; priority?: LabelSuggestion };
}

export type FeedbackKind = 'TICKET' | 'ARTICLE';

export interface FeedbackCounts {
  helpful: number;
  notHelpful: number;
}

export type TrainingStatus = 'RUNNING' | 'SUCCEEDED' | 'REJECTED' | 'FAILED';

export interface TrainingJob {
  id: string;
  status: TrainingStatus;
  progress: number;
  message?: string;
  modelVersion?: number;
}

export interface ModelMetrics {
  mrrAt10?: number;
  activeMrrAt10?: number;
  keywordOnlyMrrAt10?: number;
  heldOutTickets?: number;
  vocabulary?: number;
  trainingSeconds?: number;
  wordsPerSecond?: number;
}

export interface ModelVersion {
  version: number;
  corpusSize: number;
  metrics: ModelMetrics;
  createdAt: string;
  active: boolean;
  activatedAt?: string;
}

/** The ai-service endpoints the SPA uses, typed. */
export class AiApi {
  constructor(private readonly client: ApiClient) {}

  async forTicket(ticketId: string): Promise<Recommendations> {
    return (await this.client.get<Recommendations>(`/api/ai/tickets/${encodeURIComponent(ticketId)}/recommendations`))
      .data;
  }

  /** Matches for a draft that is not a ticket yet (customers get published articles only). */
  async forDraft(text: string): Promise<Recommendations> {
    return (await this.client.post<Recommendations>('/api/ai/suggestions', { text })).data;
  }

  async feedback(itemKind: FeedbackKind, itemId: string, helpful: boolean, ticketId?: string): Promise<FeedbackCounts> {
    return (await this.client.post<FeedbackCounts>('/api/ai/feedback', { ticketId, itemKind, itemId, helpful })).data;
  }

  async models(): Promise<ModelVersion[]> {
    return (await this.client.get<ModelVersion[]>('/api/ai/models')).data;
  }

  async train(): Promise<TrainingJob> {
    return (await this.client.request<TrainingJob>('/api/ai/models/training-jobs', { method: 'POST' })).data;
  }

  async trainingJob(id: string): Promise<TrainingJob> {
    return (await this.client.get<TrainingJob>(`/api/ai/models/training-jobs/${encodeURIComponent(id)}`)).data;
  }
}
