import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES, Role } from './roles';

export class LoginDto {
  @ApiProperty() @IsString() @Length(1, 64) username: string;
  @ApiProperty() @IsString() @Length(1, 256) password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() tokenType: string;
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
}

export class CreateUserDto {
  @ApiProperty({ example: 'ana.popescu' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._@-]{3,64}$/, { message: 'username must be 3 to 64 letters, digits or . _ @ -' })
  username: string;

  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @Length(10, 256, { message: 'password must be 10 to 256 characters' })
  password: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiPropertyOptional({ example: 'national-police' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  agency?: string;

  @ApiPropertyOptional({ example: 'MD' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

export class CreateUserResponse {
  @ApiProperty() userId: string;
}
