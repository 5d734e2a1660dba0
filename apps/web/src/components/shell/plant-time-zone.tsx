"use client";

import { createContext, type ReactNode, useContext } from "react";

const PlantTimeZoneContext = createContext<string>("UTC");

/** Client components format times in the plant's zone, never the browser's. */
export function PlantTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <PlantTimeZoneContext.Provider value={timeZone}>{children}</PlantTimeZoneContext.Provider>;
}

export function usePlantTimeZone(): string {
  return useContext(PlantTimeZoneContext);
}
