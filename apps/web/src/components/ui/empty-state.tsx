import type { ReactNode } from "react";
import { InboxIcon } from "./icons";

type TEmptyStateProps = {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
};

export function EmptyState({ title, children, icon, action }: TEmptyStateProps) {
  return (
    <div className="empty">
      <div className="empty-icon">{icon ?? <InboxIcon size={22} />}</div>
      <h3>{title}</h3>
      {children ? <p>{children}</p> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}
