// Every check, in the order they run. A new check is its own file, declared with defineCheck, and one line here.
import type { Severity } from '../diagnostic';
import { arithmeticCheck } from './arithmetic';
import { carryoverCheck } from './carryover';
import { cellsCheck } from './cells';
import { citationsCheck } from './citations';
import { copiedTextCheck } from './copied';
import { datesCheck } from './dates';
import type { CheckDefinition, CodeSpec } from './define';
import { feeStatementCheck } from './fee';
import { gluedCellsCheck } from './glued';
import { formulaRangeCheck } from './formula-range';
import { labelsCheck } from './labels';
import { narrativeCheck } from './narrative';
import { outdatedTemplateCheck } from './outdated';
import { placeholdersCheck } from './placeholders';
import { sectionsCheck } from './sections';
import { stockCheck } from './stock';
import { structureCheck } from './structure';

export const CHECKS = [
  sectionsCheck,
  structureCheck,
  cellsCheck,
  arithmeticCheck,
  gluedCellsCheck,
  labelsCheck,
  datesCheck,
  narrativeCheck,
  outdatedTemplateCheck,
  citationsCheck,
  placeholdersCheck,
  feeStatementCheck,
  formulaRangeCheck,
  carryoverCheck,
  stockCheck,
  copiedTextCheck,
] as const;

type CodesOf<T> = T extends CheckDefinition<infer C, string> ? C : never;
export type Code = CodesOf<(typeof CHECKS)[number]>;

/** Every diagnostic code, check by check, with what the check declares of it. */
export const CODE_SPECS: ReadonlyMap<Code, CodeSpec & { readonly check: CheckDefinition }> = new Map(
  CHECKS.flatMap((check) => Object.entries(check.codes).map(([code, spec]) => [code as Code, { ...(spec as CodeSpec), check: check as CheckDefinition }])),
);

export const CODES: readonly Code[] = [...CODE_SPECS.keys()];

export const DEFAULT_SEVERITY: Readonly<Record<Code, Severity>> = Object.fromEntries([...CODE_SPECS].map(([code, spec]) => [code, spec.severity])) as Record<Code, Severity>;
