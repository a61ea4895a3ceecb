// Moved to scripts/ (bench/ and scripts/ use it too and must not import from tests/).
export * from '../../scripts/chromium';
