import type { Impact, UpdateState } from "./schema";

// A status update as the overview's timeline renders it (client-safe). The share page gets its own,
// narrower shape (lib/share/dto.ts) built from this one through an allow-list.
export type StatusUpdateDTO = {
  id: string;
  title: string;
  message: string;
  impact: Impact;
  state: UpdateState;
  components: string[];
  authorName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
