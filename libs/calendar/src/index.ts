export * from './spring-festival';
export * from './order-occasions';
