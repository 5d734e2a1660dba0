import { SearchIcon } from "./icons";
import styles from "./search-field.module.css";

type TSearchFieldProps = {
  id: string;
  label?: string;
  value: string;
  placeholder: string;
  maxLength: number;
  onChange: (value: string) => void;
  /** Layout of the field within its filter row (e.g. how much it grows). */
  className?: string;
};

/** The search box of a filter row: a labelled input with a magnifier inside it. */
export function SearchField({
  id,
  label = "Search",
  value,
  placeholder,
  maxLength,
  onChange,
  className,
}: TSearchFieldProps) {
  return (
    <div className={`field ${styles.searchField} ${className ?? ""}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
      <SearchIcon size={16} />
    </div>
  );
}
