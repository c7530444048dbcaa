import { Module } from '@nestjs/common';
import { AuditController, AuditResolver } from './audit.controller';
import { AuditService } from './audit.service';

/** The append-only trail of every change: who, when, which record, before and after, why. */
@Module({ controllers: [AuditController], providers: [AuditService, AuditResolver] })
export class AuditModule {}
