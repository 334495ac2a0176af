import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';

/**
 * State kept in this tab's sessionStorage as it changes: a form being filled survives the round trip to the issuer when
 * the session expires, and is restored on return. `clear` forgets it (once booked or cancelled).
 */
export function useSessionDraft<T extends object>(key: string, empty: T): [T, Dispatch<SetStateAction<T>>, () => void] {
  const [draft, setDraft] = useState<T>(() => {
    try {
      const stored = window.sessionStorage.getItem(key);
      return stored ? { ...empty, ...(JSON.parse(stored) as Partial<T>) } : empty;
    } catch {
      return empty;
    }
  });
  useEffect(() => {
    window.sessionStorage.setItem(key, JSON.stringify(draft));
  }, [key, draft]);
  const clear = useCallback(() => {
    window.sessionStorage.removeItem(key);
    setDraft(empty);
  }, [key, empty]);
  return [draft, setDraft, clear];
}
