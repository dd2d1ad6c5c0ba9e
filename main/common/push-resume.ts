/**
 * How a dashboard page takes its rooms once at its start: `headcount serve`'s snapshot answer names
 * the last push in it in {@link PUSHES_AFTER_HEADER}, and the event stream opened with that mark as
 * `?after=` ({@link RESUME_PARAMETER}) starts with the pushes since, not with another snapshot.
 */
export const PUSHES_AFTER_HEADER = 'x-headcount-pushes-after';
export const RESUME_PARAMETER = 'after';
