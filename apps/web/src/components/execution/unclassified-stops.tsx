"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LogDecisionButton } from "~/components/decisions/log-decision-button";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ChartStates } from "./chart-states";
import { CsvDownloadButton } from "./csv-download-button";
import { formatMinutes, stateLabel } from "./execution-format";
import type { TAnalysisFilter } from "./execution-types";

const SHOWN = 10;

/** The longest stops nobody has given a reason yet: the ones to chase with the shift leads. */
export function UnclassifiedStops({ filter }: { filter: TAnalysisFilter | null }) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const input = filter ? { ...filter, limit: SHOWN } : null;
  const stops = useQuery({
    ...trpc.execution.unclassifiedDowntimes.queryOptions(input ?? {}),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="unclassified-title" data-testid="unclassified-stops">
      <div className="card-header">
        <div>
          <h2 id="unclassified-title">Top unclassified stops</h2>
          <p>The {SHOWN} longest stops still waiting for a reason from the floor, longest first.</p>
        </div>
        {input ? <CsvDownloadButton input={{ table: "unclassified", ...input }} label="Unclassified stops" /> : null}
      </div>
      <ChartStates
        query={stops}
        what="The unclassified stops"
        height="160px"
        empty={
          stops.data?.length === 0
            ? { title: "Every stop has a reason", text: "No stop in this range is waiting for classification." }
            : null
        }
      >
        {() => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Work center</th>
                  <th scope="col">Line</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="num">
                    Duration
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(stops.data ?? []).map((stop) => (
                  <tr key={`${stop.workCenterId}-${new Date(stop.stopStart).toISOString()}`}>
                    <td>
                      <div className="cell-stack">
                        <Link href={`/dashboard/work-centers/${stop.workCenterId}`} className="mono">
                          {stop.workCenterCode}
                        </Link>
                        <small>{stop.workCenterName}</small>
                      </div>
                    </td>
                    <td>{stop.lineName}</td>
                    <td className="nowrap">{formatDateTime(stop.stopStart, timeZone)}</td>
                    <td className="num nowrap">{formatMinutes(stop.durationMinutes)}</td>
                    <td>
                      {stop.ongoing ? (
                        <span className="badge badge-danger badge-dot">Ongoing · {stateLabel(stop.state)}</span>
                      ) : (
                        <span className="badge">Ended · was {stateLabel(stop.state).toLowerCase()}</span>
                      )}
                    </td>
                    <td className="nowrap">
                      <LogDecisionButton
                        variant="compact"
                        label="Decide"
                        situation={{
                          kind: "DOWNTIME",
                          workCenterId: stop.workCenterId,
                          stopStart: stop.stopStart,
                          label: `${stop.workCenterCode} stop since ${formatDateTime(stop.stopStart, timeZone)}`,
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ChartStates>
    </section>
  );
}
