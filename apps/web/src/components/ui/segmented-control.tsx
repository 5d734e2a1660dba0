import styles from "./segmented-control.module.css";

type TSegmentedControlProps<T extends string> = {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
};

/** Two or three mutually exclusive views (of a chart, a list); the pressed one is the one shown. */
export function SegmentedControl<T extends string>({ label, options, value, onChange }: TSegmentedControlProps<T>) {
  return (
    <fieldset className={styles.segmented}>
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          className={styles.segment}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
