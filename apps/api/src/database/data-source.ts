import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

/** For the TypeORM CLI (`migration:generate`, `migration:run`): reads DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set to run TypeORM migrations from the command line');

export default new DataSource(typeOrmOptions(url));
