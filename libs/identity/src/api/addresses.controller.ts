import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, UuidParam } from '@congocart/shared';
import { CreateAddress } from '../application/create-address.use-case';
import { DeleteAddress } from '../application/delete-address.use-case';
import { GetAddress } from '../application/get-address.use-case';
import { ListAddresses } from '../application/list-addresses.use-case';
import { UpdateAddress } from '../application/update-address.use-case';
import type { Actor } from '../domain/role';
import { AddressListResponse, AddressResponse } from './address.response';
import { CurrentActor, SignedIn } from './auth.decorators';
import { CreateAddressRequest } from './create-address.request';
import { UpdateAddressRequest } from './update-address.request';

@ApiTags('me')
@SignedIn()
@Controller('me/addresses')
export class AddressesController {
  constructor(
    private readonly listAddresses: ListAddresses,
    private readonly getAddress: GetAddress,
    private readonly createAddress: CreateAddress,
    private readonly updateAddress: UpdateAddress,
    private readonly deleteAddress: DeleteAddress,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The signed-in user’s address book',
    description: 'The default first, then newest first; at most 20, not paged.',
  })
  @ApiOkResponse({ type: AddressListResponse })
  async list(@CurrentActor() actor: Actor): Promise<AddressListResponse> {
    return { data: (await this.listAddresses.execute(actor)).map((entry) => AddressResponse.from(entry)) };
  }

  @Post()
  @ApiOperation({
    summary: 'Add an address',
    description:
      'The first address becomes the default; `isDefault: true` moves the default to the new one. At most 20 (409 ADDRESS_LIMIT).',
  })
  @ApiCreatedResponse({ type: AddressResponse, headers: { Location: { description: 'The new address', schema: { type: 'string' } } } })
  @ApiProblems(400, 409)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAddressRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddressResponse> {
    const { label, isDefault, ...address } = body;
    const entry = await this.createAddress.execute(actor, { label, isDefault, address: { ...address } });
    reply.status(HttpStatus.CREATED).header('location', `/api/v1/me/addresses/${entry.id}`);
    return AddressResponse.from(entry);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One address of the book', description: 'Another user’s address is 404.' })
  @ApiOkResponse({ type: AddressResponse })
  @ApiProblems(404)
  async show(@CurrentActor() actor: Actor, @UuidParam('id', 'Address') id: string): Promise<AddressResponse> {
    return AddressResponse.from(await this.getAddress.execute(actor, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an address',
    description: 'Partial; `isDefault: true` moves the default here. `isDefault: false` on the default → 409 DEFAULT_ADDRESS_REQUIRED.',
  })
  @ApiOkResponse({ type: AddressResponse })
  @ApiProblems(400, 404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Address') id: string,
    @Body() body: UpdateAddressRequest,
  ): Promise<AddressResponse> {
    const { label, isDefault, ...address } = body;
    return AddressResponse.from(await this.updateAddress.execute(actor, id, { label, isDefault, address: { ...address } }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an address', description: 'Deleting the default passes it to the newest remaining address.' })
  @ApiNoContentResponse({ description: 'The address is gone' })
  @ApiProblems(404)
  async remove(@CurrentActor() actor: Actor, @UuidParam('id', 'Address') id: string): Promise<void> {
    await this.deleteAddress.execute(actor, id);
  }
}
