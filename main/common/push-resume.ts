/**
 * How a dashboard page takes its rooms once at its start: `headcount serve`'s snapshot answer names
 * the last push in it in {@link PUSHES_AFTER_HEADER} (the snapshot inside the page, in its data
 * block's attribute: inline-snapshot.ts), and the event stream opened with that mark as `?after=`
 * ({@link RESUME_PARAMETER}) starts with the pushes since, not with another snapshot.
 */
export const PUSHES_AFTER_HEADER = 'x-headcount-pushes-after';
export const RESUME_PARAMETER = 'after';
