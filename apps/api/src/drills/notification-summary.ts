import type { SchemaObject } from '@nestjs/swagger';
import type { DocumentedPipe } from '../openapi/documented-pipe.js';
import type { PipeTransform } from '@nestjs/common';
import type { NotificationDrillResultLine } from '@enlace/notifications';
import { FieldValidationError } from '../common/validation.js';

/**
 * Whether a BLM's members answered faster or slower as the year went on: the median acknowledgment time of the later
 * half of its drills against the earlier half's (±10% is steady). Fewer than two drills with answers say nothing.
 */
export type Trend = 'faster' | 'slower' | 'steady' | 'not-enough-drills';

export interface BlmYear {
  blmId: string;
  blmName: { en: string; es: string };
  year: number;
  count: number;
  drills: NotificationDrillResultLine[];
  trend: Trend;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function trendOf(drills: readonly NotificationDrillResultLine[]): Trend {
  const medians = drills.flatMap((drill) =>
    drill.summary.medianMinutes === undefined ? [] : [drill.summary.medianMinutes],
  );
  if (medians.length < 2) return 'not-enough-drills';
  const half = Math.floor(medians.length / 2);
  const earlier = mean(medians.slice(0, half));
  const later = mean(medians.slice(medians.length - half));
  if (later < earlier * 0.9) return 'faster';
  if (later > earlier * 1.1) return 'slower';
  return 'steady';
}

/** `?year=2026`: a year from 2000 to 2100; anything else is a 400 naming the parameter. */
export class YearQuery implements PipeTransform<string | undefined, number | undefined>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'integer', minimum: 2000, maximum: 2100 };
  transform(value: string | undefined): number | undefined {
    if (value === undefined || value === '') return undefined;
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) {
      throw new FieldValidationError([
        {
          field: 'year',
          rule: 'range',
          message: { en: 'year must be a year from 2000 to 2100', es: 'year debe ser un año entre 2000 y 2100' },
        },
      ]);
    }
    return year;
  }
}
