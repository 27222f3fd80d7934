/**
 * Where workshop scripts live: generated practice twins and safety lessons sit in a folder of
 * their own under the sample scripts (`assets/procedures/workshop/`), so the e2e walks that visit
 * every top-level sample do not grow with them, while the hub's import, the speech build and the
 * checker read both folders.
 */

/** The workshop folder's name, under the procedures folder. */
export const workshopFolderName = 'workshop';
