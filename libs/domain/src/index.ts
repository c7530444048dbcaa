export * from './retailer';
export * from './reference';
export * from './classification';
export * from './records';
export * from './access';
export * from './field-access';
export * from './csv-cell';
