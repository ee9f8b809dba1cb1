/** Numbers as a manager reads them: 1,653 rather than 1653.4073951569712. */
export const wholeNumber = (value: number): string => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
