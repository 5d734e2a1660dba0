import type { ReactNode } from "react";

type TAlertProps = {
  tone: "danger" | "success" | "info" | "warning";
  children: ReactNode;
  className?: string;
};

/** Errors are announced assertively (role="alert"); the rest politely (role="status"). */
export function Alert({ tone, children, className }: TAlertProps) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={`alert alert-${tone} ${className ?? ""}`}>
      <div>{children}</div>
    </div>
  );
}
