import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@enlace/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentActor, Public } from './auth.decorators.js';
import type { TokenClaims } from './auth.guard.js';
import { UserDirectory } from './user-directory.js';

export class LoginDto {
  @ApiProperty({ example: 'officer.us' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class LoginResponse {
  @ApiProperty()
  accessToken: string;
  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
  @ApiProperty({ example: 43200 })
  expiresIn: number;
  @ApiProperty()
  user: { username: string; displayName: string; agency: string; country: string; role: string };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserDirectory,
    private readonly jwt: JwtService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for an access token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown username or wrong password' })
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    const account = await this.users.authenticate(body.username, body.password);
    if (!account) throw new UnauthorizedException('Unknown username or wrong password');
    const claims: TokenClaims = {
      sub: account.id,
      agency: account.agency,
      country: account.country,
      role: account.role,
      name: account.displayName,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: exp - iat,
      user: {
        username: account.id,
        displayName: account.displayName,
        agency: account.agency,
        country: account.country,
        role: account.role,
      },
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to' })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
