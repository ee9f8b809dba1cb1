/** A labelled text field of a card's edit form (what is saved, as typed). */
export function Field({ label, value, onInput, name, wide }: { label: string; value: string; onInput: (v: string) => void; name: string; wide?: boolean }) {
  return (
    <label class={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      <input name={name} type="text" value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}
