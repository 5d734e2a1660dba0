"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { TPlantTree } from "~/lib/api-types";
import { useTRPC } from "~/trpc/react";

export type TWorkCenterOption = { id: string; label: string };
export type TWorkCenterGroup = { id: string; label: string; options: TWorkCenterOption[] };

/** Work centers grouped by line, as a plant person looks for them: "CNC Line 1 · Fabrication". */
export function groupWorkCenters(tree: TPlantTree): TWorkCenterGroup[] {
  const multipleSites = tree.length > 1;
  return tree.flatMap((site) =>
    site.areas.flatMap((area) =>
      area.lines
        .filter((line) => line.workCenters.length > 0)
        .map((line) => ({
          id: line.id,
          label: [line.name, area.name, multipleSites ? site.name : null].filter(Boolean).join(" · "),
          options: line.workCenters.map((workCenter) => ({
            id: workCenter.id,
            label: `${workCenter.code} · ${workCenter.name}`,
          })),
        })),
    ),
  );
}

/** The plant tree is already cached by the sidebar; this reads the same query. */
export function useWorkCenterGroups() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.plant.tree.queryOptions());
  return useMemo(() => {
    const groups = tree.data ? groupWorkCenters(tree.data) : [];
    const ids = new Set(groups.flatMap((group) => group.options.map((option) => option.id)));
    const labels = new Map(
      groups.flatMap((group) => group.options.map((option) => [option.id, option.label] as const)),
    );
    return { groups, ids, labels, isPending: tree.isPending, error: tree.error };
  }, [tree.data, tree.isPending, tree.error]);
}
