import { createContext, useContext, type ReactNode } from "react";

/**
 * The per-request nonce of the Content-Security-Policy, given to the few inline scripts Remix
 * writes. Only the server knows it; in the browser the scripts have already run.
 */
const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
