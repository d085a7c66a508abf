import type { SchemaObject } from '@nestjs/swagger';
import type { DocumentedPipe } from '../openapi/documented-pipe.js';
import {
  applyDecorators,
  Body,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  Get,
  HttpCode,
  Param,
  type PipeTransform,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '@enlace/domain';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { readWriteExchange } from '../common/command-context.js';
import { FieldValidationError } from '../common/validation.js';
import { WriteResult, writeResult } from '../common/write-result.js';
import { type AccountView, AccountsService, type AccountWrite } from './accounts.service.js';
import { Roles } from './auth.decorators.js';
import { clientInfo } from './client-info.js';
import { IsHumanText } from '../common/human-text.validation.js';
import { USERNAME, USERNAME_RULE } from './username.js';

export class DisableAccountDto {
  @ApiProperty({ required: false, description: 'Why, for the record (e.g. "left the agency")' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsHumanText()
  reason?: string;
}

/** A directory username, as the directory spells it (lower case). */
class UsernameParam implements PipeTransform<string, string>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', pattern: USERNAME.source };
  transform(value: string): string {
    if (!USERNAME.test(value)) {
      throw new FieldValidationError([
        {
          field: 'username',
          rule: 'format',
          message: {
            en: `username ${USERNAME_RULE.en} (in lower case)`,
            es: `username ${USERNAME_RULE.es} (en minúsculas)`,
          },
        },
      ]);
    }
    return value;
  }
}

const AccountWriteRoute = (summary: string): MethodDecorator =>
  applyDecorators(
    HttpCode(200),
    Roles('admin'),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key returns the first answer',
    }),
    ApiOkResponse({ type: WriteResult }),
    ApiForbiddenResponse({ description: 'Not an admin' }),
    ApiNotFoundResponse({ description: 'No such account in the directory' }),
    ApiConflictResponse({ description: 'Already in that state' }),
    ApiUnprocessableEntityResponse({ description: 'Not locked; or an admin disabling their own account' }),
  );

/** An admin's write on an account: the admin, the write as the journal records it (with its client), the response. */
interface AdminWriteExchange {
  admin: Actor;
  write: AccountWrite;
  response: Response;
}

const AdminWrite = createParamDecorator((_data: unknown, context: ExecutionContext): AdminWriteExchange => {
  const {
    request: { actor, ...command },
    response,
  } = readWriteExchange(context);
  const client = clientInfo(context.switchToHttp().getRequest<Request>());
  return { admin: actor, write: { ...command, client }, response };
});

/** Directory accounts for admins: status, lockouts, unlock, disable and enable. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Every directory account with its status, sign-in lockout and recent failures. Admins only',
  })
  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  @Post(':username/unlock')
  @AccountWriteRoute('Lift a sign-in lockout before its time (recorded with who did it)')
  async unlock(
    @Param('username', new UsernameParam()) username: string,
    @AdminWrite() { admin, write, response }: AdminWriteExchange,
  ): Promise<WriteResult> {
    return writeResult(response, username, await this.accounts.unlock(username, admin, write));
  }

  @Post(':username/disable')
  @AccountWriteRoute("Disable an account: its sessions stop working at once, on every api process, and don't come back")
  async disable(
    @Param('username', new UsernameParam()) username: string,
    @Body() body: DisableAccountDto,
    @AdminWrite() { admin, write, response }: AdminWriteExchange,
  ): Promise<WriteResult> {
    return writeResult(response, username, await this.accounts.disable(username, body.reason ?? null, admin, write));
  }

  @Post(':username/enable')
  @AccountWriteRoute('Enable a disabled account (it signs in again; earlier sessions stay ended)')
  async enable(
    @Param('username', new UsernameParam()) username: string,
    @AdminWrite() { admin, write, response }: AdminWriteExchange,
  ): Promise<WriteResult> {
    return writeResult(response, username, await this.accounts.enable(username, admin, write));
  }
}
