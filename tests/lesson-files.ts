// Moved to scripts/ (scripts/report-sizes.ts uses it too and must not import from tests/).
export * from '../scripts/lesson-files';
