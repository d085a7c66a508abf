import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiQuery,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@enlace/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { FieldValidationError } from '../common/validation.js';
import { ActorView } from '../openapi/read-schemas.js';
import type { VerifiedAccess } from './access-verifier.js';
import { AuthActivityLog, type AuthActivityPage } from './auth-activity-log.js';
import { CurrentAccess, CurrentActor, Public, Roles } from './auth.decorators.js';
import { clientInfo } from './client-info.js';
import { SessionsService } from './sessions.service.js';
import { type SessionTokens, SignInService } from './sign-in.service.js';
import { answerThrottled } from './throttle-answers.js';
import { IsUsername } from './username.js';

export class LoginDto {
  @ApiProperty({
    example: 'officer.us',
    description: 'A directory username (2–64 letters, digits or . _ -, starting with a letter), in any case',
  })
  @IsString()
  @IsUsername()
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh (each is good for one refresh)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class SessionTokensResponse {
  @ApiProperty({ description: 'Access token (JWT, typ at+jwt): send as Authorization: Bearer' })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds the access token lives' })
  expiresIn: number;
  @ApiProperty({ description: 'Exchange at POST /api/auth/refresh before the access token expires; good once' })
  refreshToken: string;
  @ApiProperty({ description: 'The refresh token expires then unless used (idle timeout)' })
  refreshExpiresAt: string;
  @ApiProperty({ description: 'The session ends then however active; sign in again' })
  sessionExpiresAt: string;
  @ApiProperty()
  user: { username: string; displayName: string; agency: string; country: string; role: string };
}

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

function pageQuery(value: string | undefined, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d{1,9}$/.test(value) || number < min || number > max) {
    throw new FieldValidationError([
      {
        field,
        rule: 'range',
        message: {
          en: `${field} must be a whole number from ${min} to ${max}`,
          es: `${field} debe ser un número entero de ${min} a ${max}`,
        },
      },
    ]);
  }
  return number;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly activity: AuthActivityLog,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in: an access token (15 min) and a refresh token. Throttled per account name and per client address ' +
      '(429 with Retry-After); a refusal says the same whether or not the account exists',
  })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown username or wrong password (AUTH.SIGN_IN_FAILED)' })
  @ApiBadRequestResponse({ description: 'The username cannot be a username (VALIDATION_FAILED naming the field)' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many attempts for this name from this address, for this name from everywhere, from this address, or too ' +
      'many sign-ins of this account (AUTH.TOO_MANY_ATTEMPTS); or too many at once from this address ' +
      '(AUTH.TOO_MANY_AT_ONCE). See Retry-After',
  })
  @ApiServiceUnavailableResponse({ description: 'Too many sign-ins at once; see Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionTokens> {
    try {
      return await this.signIn.signIn(body.username.toLowerCase(), body.password, clientInfo(request));
    } catch (error) {
      throw answerThrottled(error, response);
    }
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange a refresh token for a new access token and a new refresh token (the old one is spent). A spent ' +
      'refresh token presented again ends the whole session (AUTH.REFRESH_TOKEN_REUSED)',
  })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid, spent, expired or revoked: sign in again' })
  async refresh(@Body() body: RefreshDto, @Req() request: Request): Promise<SessionTokens> {
    return this.sessions.refresh(body.refreshToken, clientInfo(request));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "End the caller's session: its access and refresh tokens stop working on every api process",
  })
  @ApiNoContentResponse({ description: 'Signed out (also when the session had already ended)' })
  async logout(@CurrentAccess() access: VerifiedAccess, @Req() request: Request): Promise<void> {
    await this.sessions.logout(access.sessionId, access.actor, clientInfo(request));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to' })
  @ApiOkResponse({ type: ActorView })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Get('activity')
  @ApiBearerAuth()
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'Sign-in activity, newest first: sign-ins, failures, lockouts, unlocks, refresh-token reuse, logouts and ' +
      'account changes, with who, from which address and user agent, and why. Auditors and admins',
  })
  @ApiQuery({ name: 'before', required: false, description: 'The `next` of the previous page' })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: `Entries per page (1–${MAX_PAGE_SIZE}, default ${PAGE_SIZE})`,
  })
  @ApiResponse({ status: 200, description: '{ entries: [...], next: number | null }' })
  async listActivity(@Query('before') before?: string, @Query('limit') limit?: string): Promise<AuthActivityPage> {
    return this.activity.page(
      pageQuery(limit, 'limit', 1, MAX_PAGE_SIZE) ?? PAGE_SIZE,
      pageQuery(before, 'before', 1, Number.MAX_SAFE_INTEGER),
    );
  }
}
