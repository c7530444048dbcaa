import { insertAudited } from '../../../common/database/versioned-update';
import { recordAudit } from '../../audit/audit-writer';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError, NotFoundError } from '../../../common/errors/app-error';
import { ManufacturerEntity } from '../../reference/manufacturers/manufacturer.entity';
import { ApiKeyEntity } from '../api-key.entity';
import { newApiKey, sha256 } from '../auth/tokens';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from '../dto/api-key.dto';

function toDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    manufacturerId: key.manufacturerId,
    name: key.name,
    prefix: key.prefix,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
    createdBy: key.createdBy,
    createdAt: key.createdAt,
  };
}

/** Manufacturers' keys. Rotation without downtime: create the new key, switch the client, revoke the old one. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  async list(manufacturerId: number): Promise<ApiKeyDto[]> {
    await this.assertManufacturer(manufacturerId);
    const keys = await this.keys.find({ where: { manufacturerId }, order: { createdAt: 'DESC' } });
    return keys.map(toDto);
  }

  async create(manufacturerId: number, input: CreateApiKeyDto, createdBy: string): Promise<CreatedApiKeyDto> {
    await this.assertManufacturer(manufacturerId);
    const { prefix, secret, key } = newApiKey();
    const saved = await insertAudited(
      this.keys.manager,
      ApiKeyEntity,
      this.keys.create({
        manufacturerId,
        name: input.name,
        prefix,
        secretHash: sha256(secret),
        expiresAt: new Date(Date.now() + (input.expiresInDays ?? 365) * 86_400_000),
        createdBy,
      }),
      'api_key',
    );
    return { ...toDto(saved), key };
  }

  async revoke(manufacturerId: number, id: number): Promise<ApiKeyDto> {
    const key = await this.keys.findOneBy({ id, manufacturerId });
    if (!key) throw new NotFoundError('API key', id);
    if (key.revokedAt) throw new AppError('CONFLICT', `API key ${id} is already revoked`);
    await this.keys.manager.transaction(async (tx) => {
      await tx.update(ApiKeyEntity, { id }, { revokedAt: new Date() });
      await recordAudit(tx, {
        action: 'revoke',
        entity: 'api_key',
        entityId: id,
        after: { revokedAt: new Date() },
      });
    });
    return toDto(await this.keys.findOneByOrFail({ id }));
  }

  private async assertManufacturer(id: number): Promise<void> {
    if (!(await this.keys.manager.getRepository(ManufacturerEntity).existsBy({ id }))) {
      throw new NotFoundError('Manufacturer', id);
    }
  }
}
