"use client";

import { INSIGHT_KINDS } from "@gemba/domain/insights/insight";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChartStates } from "~/components/execution/chart-states";
import { Alert } from "~/components/ui/alert";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { insightKindDescriptions, insightKindLabels } from "./insight-types";

/** Each detector: on or off for this plant, and what people's votes have made of its weight. */
export function DetectorSettingsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.insights.detectorSettings.queryOptions());
  const toggle = useMutation(
    trpc.insights.setDetectorSetting.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.insights.pathKey() }),
    }),
  );
  const byKind = new Map((settings.data ?? []).map((standing) => [standing.kind, standing]));
  return (
    <section className="card" aria-labelledby="detectors-title" data-testid="detector-settings">
      <div className="card-header">
        <div>
          <h2 id="detectors-title">Detectors</h2>
          <p>
            Switch a detector off to stop storing its findings. The weight comes from "useful / not useful" votes: 1
            when unrated; after 5 votes, below 0.5 hides its insights from the feed.
          </p>
        </div>
      </div>
      {toggle.error ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(toggle.error)}</Alert>
        </div>
      ) : null}
      <ChartStates query={settings} what="The detector settings" height="200px" empty={null}>
        {() => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Detector</th>
                  <th scope="col">Votes</th>
                  <th scope="col">Weight</th>
                  <th scope="col">In the feed</th>
                  <th scope="col">On</th>
                </tr>
              </thead>
              <tbody>
                {INSIGHT_KINDS.map((kind) => {
                  const standing = byKind.get(kind);
                  if (!standing) return null;
                  return (
                    <tr key={kind}>
                      <td>
                        <div className="cell-stack">
                          <strong>{insightKindLabels[kind]}</strong>
                          <span className="muted">{insightKindDescriptions[kind]}</span>
                        </div>
                      </td>
                      <td className="num nowrap">
                        {standing.votes.useful} useful · {standing.votes.notUseful} not
                      </td>
                      <td className="num">{standing.weight.toFixed(2)}</td>
                      <td>
                        {standing.shown ? (
                          <span className="badge badge-success">Shown</span>
                        ) : standing.enabled ? (
                          <span className="badge badge-warning">Voted down</span>
                        ) : (
                          <span className="badge">Off</span>
                        )}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${insightKindLabels[kind]} detector on`}
                          checked={standing.enabled}
                          disabled={toggle.isPending}
                          onChange={(event) => toggle.mutate({ kind, enabled: event.target.checked })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ChartStates>
    </section>
  );
}
