/** The Verify Connection and scope-error reports' Markdown, loaded when a report is first shown (dist/reports.lazy.js); pure. */
export * from './reports';
