export * from './decode-csv-bytes';
export * from './parse-csv-table';
export * from './read-french-csv';
export * from './french-text';
