import { Icon, type TIconProps } from "../ui/icons";

/** Connector-specific icons, drawn on the shared icon frame. */
export function PauseIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M9 5v14M15 5v14" />
    </Icon>
  );
}

export function PlayIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M7 5v14l11-7z" />
    </Icon>
  );
}

export function RefreshIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M20 11a8 8 0 0 0-14.6-4.5L4 8M4 4v4h4M4 13a8 8 0 0 0 14.6 4.5L20 16M20 20v-4h-4" />
    </Icon>
  );
}

export function PlugIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" />
    </Icon>
  );
}
