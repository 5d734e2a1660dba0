import type { SVGProps } from "react";

type TIconProps = SVGProps<SVGSVGElement> & { size?: number };

/** Connector-specific icons, drawn like the shared ones in ~/components/ui/icons (24 grid, 1.8 stroke). */
function Icon({ size = 18, children, ...rest }: TIconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

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

export function PlusIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M12 5v14M5 12h14" />
    </Icon>
  );
}
