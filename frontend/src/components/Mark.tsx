const DROP = 'M0-21C7.5-11 12.5-3.5 12.5 5.5A12.5 12.5 0 1 1-12.5 5.5C-12.5-3.5-7.5-11 0-21Z';

/** The mark (same drawing as src/assets/mark.svg), decorative beside the name. */
export function Mark() {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path class="mark-a" transform="translate(25.5 33.5) rotate(17)" d={DROP} />
      <path class="mark-b" transform="translate(38.5 33.5) rotate(-17)" stroke-width="2.5" d={DROP} />
    </svg>
  );
}
