export { type CsvRecord, parseCsv, readCsvRecords } from './csv.js';
export { InvalidReferenceDataError, loadReferenceCatalog, loadReferenceData } from './load-reference-data.js';
export { REFERENCE_CATALOG, ReferenceDataModule } from './reference-data.module.js';
