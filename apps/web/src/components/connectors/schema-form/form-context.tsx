"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { TWorkCenterGroup } from "../work-center-options";
import type { TFieldErrors } from "./validate";

export type TSchemaFormContext = {
  /** Messages by field path ("devices.0.workCenterId"), from the browser's checks and the API's. */
  errors: TFieldErrors;
  workCenterGroups: TWorkCenterGroup[];
  disabled: boolean;
  /** Extra buttons beside a list's "Add" button, by list path ("items"): e.g. picking OPC UA nodes from the server. */
  listActions?: Readonly<Record<string, ReactNode>>;
};

const SchemaFormContext = createContext<TSchemaFormContext>({ errors: {}, workCenterGroups: [], disabled: false });

export const SchemaFormProvider = SchemaFormContext.Provider;

export function useSchemaForm(): TSchemaFormContext {
  return useContext(SchemaFormContext);
}
