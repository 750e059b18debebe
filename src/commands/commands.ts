/** Ribbon commands page. The ribbon button opens the task pane (ShowTaskpane); no functions yet. */
declare const Office: { onReady(callback?: () => void): Promise<unknown> } | undefined;

if (typeof Office !== "undefined") void Office.onReady();

export {};
