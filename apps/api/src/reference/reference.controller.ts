import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type BorderLiaisonMechanism,
  type ChecklistTemplate,
  type HazardousMaterial,
  notFound,
  type ReferenceCatalog,
  SHUTDOWN_KINDS,
  type SisterCityPlan,
} from '@enlace/domain';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { SlugParam } from '../common/params.js';

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(@Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog) {}

  @Get('blms')
  @ApiOperation({ summary: 'Border Liaison Mechanisms with their co-chairs and member agencies' })
  blms(): readonly BorderLiaisonMechanism[] {
    return this.reference.blms();
  }

  @Get('blms/:id')
  @ApiOperation({ summary: 'One Border Liaison Mechanism and the ports it covers' })
  @ApiNotFoundResponse()
  blm(@Param('id', new SlugParam()) id: string): BorderLiaisonMechanism & { portIds: string[] } {
    const blm = this.reference.blm(id);
    if (!blm) {
      throw notFound(
        'BLM.NOT_FOUND',
        `Border Liaison Mechanism ${id} not found`,
        `Mecanismo de Enlace ${id} no encontrado`,
      );
    }
    return {
      ...blm,
      portIds: this.reference
        .ports()
        .filter((port) => port.blmId === id)
        .map((port) => port.id),
    };
  }

  @Get('materials/:unNumber')
  @ApiOperation({ summary: 'ERG data of a hazardous material by UN number' })
  @ApiNotFoundResponse()
  material(@Param('unNumber') unNumber: string): HazardousMaterial {
    const material = this.reference.material(unNumber);
    if (!material) {
      throw notFound('MATERIAL.NOT_FOUND', `UN ${unNumber} is not in the table`, `UN ${unNumber} no está en la tabla`);
    }
    return material;
  }

  @Get('checklist-templates')
  @ApiOperation({
    summary: 'Business-resumption checklist templates, one per kind of shutdown, in English and Spanish',
  })
  checklistTemplates(): ChecklistTemplate[] {
    return SHUTDOWN_KINDS.map((kind) => this.reference.checklistTemplate(kind)).filter(
      (template): template is ChecklistTemplate => template !== undefined,
    );
  }

  @Get('sister-city-plans/:id')
  @ApiOperation({ summary: 'A sister-city binational contingency plan' })
  @ApiNotFoundResponse()
  sisterCityPlan(@Param('id', new SlugParam()) id: string): SisterCityPlan {
    const plan = this.reference.sisterCityPlan(id);
    if (!plan) {
      throw notFound(
        'PLAN.NOT_FOUND',
        `Sister-city plan ${id} not found`,
        `Plan de ciudades hermanas ${id} no encontrado`,
      );
    }
    return plan;
  }
}
