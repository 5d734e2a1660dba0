"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { formatMinutes, toMachineState } from "~/components/execution/execution-format";
import { useNow } from "~/components/execution/use-now";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchIcon } from "~/components/ui/icons";
import { StateBadge } from "~/components/ui/state-badge";
import type { TRouterOutputs } from "~/lib/api-types";
import { useTRPC } from "~/trpc/react";
import styles from "./picker.module.css";
import { rememberedWorkCenter, rememberWorkCenter } from "./remembered-work-center";

type TTile = TRouterOutputs["floor"]["workCenters"][number];

/**
 * "Where am I?": big tiles per line, or the code from the machine's plate. The choice is kept on
 * the tablet, so the next start goes straight to that work center (Change in the header comes back here).
 */
export function WorkCenterPicker({ initial }: { initial: TTile[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const choosing = searchParams.get("choose") !== null;
  const tiles = useQuery({ ...trpc.floor.workCenters.queryOptions(), initialData: initial, refetchInterval: 30_000 });
  const list = tiles.data;
  const now = useNow(30_000);

  useEffect(() => {
    if (choosing) return;
    const remembered = rememberedWorkCenter();
    if (remembered && list.some((tile) => tile.id === remembered)) router.replace(`/floor/${remembered}`);
  }, [choosing, list, router]);

  const open = (id: string) => {
    rememberWorkCenter(id);
    router.push(`/floor/${id}`);
  };

  if (list.length === 0) {
    return (
      <div className={styles.page}>
        <div className="card">
          <EmptyState title="No work centers in this plant yet">
            Work centers appear here once an admin sets up the plant model or connects the MES. Ask your supervisor if
            you expected to see your machines.
          </EmptyState>
        </div>
      </div>
    );
  }
  const lines = groupByLine(list);
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <div>
          <h1>Where are you working?</h1>
          <p className="muted">Tap your work center, or type the code on its plate. This tablet remembers it.</p>
        </div>
        <CodeEntry tiles={list} onFound={open} />
      </div>
      {lines.map((line) => (
        <section key={line.id} className={styles.line} aria-labelledby={`line-${line.id}`}>
          <h2 id={`line-${line.id}`}>
            {line.name} <span className="subtle">· {line.siteName}</span>
          </h2>
          <ul className={styles.tiles}>
            {line.tiles.map((tile) => (
              <li key={tile.id}>
                <button type="button" className={styles.tile} onClick={() => open(tile.id)} data-testid="floor-tile">
                  <span className={styles.tileTop}>
                    <span className={styles.tileCode}>{tile.code}</span>
                    {tile.stopsAwaitingReason > 0 ? (
                      <span className="badge badge-warning">
                        {tile.stopsAwaitingReason} {tile.stopsAwaitingReason === 1 ? "stop needs" : "stops need"} a
                        reason
                      </span>
                    ) : null}
                  </span>
                  <span className={styles.tileName}>{tile.name}</span>
                  <span className={styles.tileState}>
                    <StateBadge state={toMachineState(tile.state?.state)} />
                    {tile.state && now !== null ? (
                      <span className="subtle" suppressHydrationWarning>
                        for {formatMinutes((now - new Date(tile.state.since).getTime()) / 60_000)}
                      </span>
                    ) : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function groupByLine(tiles: readonly TTile[]) {
  const lines = new Map<string, { id: string; name: string; siteName: string; tiles: TTile[] }>();
  for (const tile of tiles) {
    const line = lines.get(tile.line.id) ?? {
      id: tile.line.id,
      name: tile.line.name,
      siteName: tile.siteName,
      tiles: [],
    };
    line.tiles.push(tile);
    lines.set(tile.line.id, line);
  }
  return [...lines.values()];
}

function CodeEntry({ tiles, onFound }: { tiles: readonly TTile[]; onFound: (id: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) {
      setError("Enter the code shown on the work center, e.g. CNC-101.");
      return;
    }
    const match = tiles.find((tile) => tile.code.toLowerCase() === code.toLowerCase());
    if (!match) {
      setError(`No work center with code “${code.toUpperCase()}” in this plant. Check the code on the machine plate.`);
      return;
    }
    setError(null);
    onFound(match.id);
  }
  return (
    <form className={styles.code} onSubmit={submit}>
      <label className={styles.codeField}>
        <span className="visually-hidden">Work-center code</span>
        <SearchIcon size={22} className={styles.codeIcon} />
        <input
          className={`input ${styles.codeInput}`}
          name="code"
          placeholder="Work-center code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-entry-error" : undefined}
        />
      </label>
      <button className="btn btn-primary btn-lg" type="submit">
        Open
      </button>
      {error ? (
        <p id="code-entry-error" className={`field-error ${styles.codeError}`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
