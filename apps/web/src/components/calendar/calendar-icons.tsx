import { Icon, type TIconProps } from "~/components/ui/icons";

/** Calendar-specific icons, drawn on the shared icon frame. */
export function CalendarIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4M7 14h4M7 17h7" />
    </Icon>
  );
}

export function WrenchIcon(props: TIconProps) {
  return (
    <Icon {...props}>
      <path d="M14.5 6.5a4 4 0 0 0 5 5L21 13l-8 8-3-3 8-8-1.5-1.5a4 4 0 0 1-5-5L13 2z" />
      <path d="M4 20l5-5" />
    </Icon>
  );
}
