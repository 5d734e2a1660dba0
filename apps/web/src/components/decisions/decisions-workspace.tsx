"use client";

import { useCallback, useState } from "react";
import { PageHeader } from "~/components/ui/page-header";
import { DecisionDetailPanel } from "./decision-detail";
import { DecisionFilters, isFiltered, NO_FILTER, type TDecisionFilter } from "./decision-filters";
import { DecisionList } from "./decision-list";
import styles from "./decisions.module.css";
import { LogDecisionButton } from "./log-decision-button";

/**
 * The decisions page: filters, the log newest first, and the selected decision beside it. The
 * selection is kept in the address (?decision=…) so a decision can be shared as a link.
 */
export function DecisionsWorkspace({
  initialDecisionId,
  plantName,
}: {
  initialDecisionId: string | null;
  plantName: string | undefined;
}) {
  const [filter, setFilter] = useState<TDecisionFilter>(NO_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(initialDecisionId);
  const select = useCallback((decisionId: string) => {
    setSelectedId(decisionId);
    window.history.replaceState(null, "", `/decisions?decision=${decisionId}`);
    // Stacked layout (tablets): bring the detail into view.
    if (window.matchMedia("(max-width: 1100px)").matches) {
      document.getElementById("decision-detail")?.scrollIntoView({ behavior: "smooth", block: "start" });
    }
  }, []);
  return (
    <>
      <PageHeader
        eyebrow={plantName}
        title="Decisions"
        description="Who decided what, why, under which constraints, and what came of it."
        actions={<LogDecisionButton variant="primary" onLogged={select} />}
      />
      <DecisionFilters value={filter} onChange={setFilter} />
      <div className={styles.workspace}>
        <DecisionList filter={filter} filtered={isFiltered(filter)} selectedId={selectedId} onSelect={select} />
        <div id="decision-detail">
          <DecisionDetailPanel decisionId={selectedId} />
        </div>
      </div>
    </>
  );
}
