import { Icon, type TIconProps } from "~/components/ui/icons";

/** An OPC UA object (folder, machine): the branches of the address space. */
export function ObjectNodeIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M3 7.5A1.5 1.5 0 0 1 4.5 6H9l2 2h8.5A1.5 1.5 0 0 1 21 9.5v8a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" />
    </Icon>
  );
}

/** An OPC UA variable: a value that can be monitored. */
export function VariableNodeIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M4 17 9 11l4 3 7-8" />
      <path d="M15 6h5v5" />
    </Icon>
  );
}

export function ServerTreeIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M4 4h6v5H4zM14 15h6v5h-6zM7 9v8.5h7M14 6.5h6" />
    </Icon>
  );
}
