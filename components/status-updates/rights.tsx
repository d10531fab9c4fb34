"use client";
import { createContext, useContext, type ReactNode } from "react";

// Whether this viewer may post, edit and delete status updates (managers). The commands check it again.
const CanPost = createContext(false);

export function StatusUpdateRights({ canPost, children }: { canPost: boolean; children: ReactNode }) {
  return <CanPost.Provider value={canPost}>{children}</CanPost.Provider>;
}

export const useCanPostUpdates = () => useContext(CanPost);
