import "server-only";
import { cache } from "react";
import { plantTimeZoneOf } from "~/lib/plant-time-zone";
import { serverApi } from "~/trpc/server";

/** The plant tree, fetched once per request however many layouts and pages ask for it. */
export const loadPlantTree = cache(async () => {
  const api = await serverApi();
  return api.plant.tree();
});

export async function loadPlantTimeZone() {
  return plantTimeZoneOf(await loadPlantTree());
}
