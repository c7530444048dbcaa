export * from './spring-festival';
