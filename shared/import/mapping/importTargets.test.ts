import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS } from '../../domain/customer';
import {
  BUILT_IN_TARGETS,
  FIELD_TARGETS,
  IMPORT_TARGET_LABEL_KEYS,
  customFieldIdOf,
  importTargets,
  isMultipleTarget,
  isTargetId,
  type TargetId,
} from './importTargets';

describe('import targets', () => {
  it('every field target is a customer field', () => {
    expect(FIELD_TARGETS.filter((field) => !(CUSTOMER_FIELDS as string[]).includes(field))).toEqual(
      [],
    );
  });

  it('each built-in target has its own translation key', () => {
    expect(new Set(IMPORT_TARGET_LABEL_KEYS).size).toBe(IMPORT_TARGET_LABEL_KEYS.length);
    expect(BUILT_IN_TARGETS.find((t) => t.id === 'firstName')?.labelKey).toBe(
      'import.target.firstName',
    );
  });

  it('adds custom fields last, with their own label', () => {
    const targets = importTargets([{ id: 'size', label: 'Pointure' }]);
    expect(targets.at(-1)).toEqual({
      id: 'custom:size',
      labelKey: 'import.target.custom',
      label: 'Pointure',
      multiple: false,
    });
    expect(customFieldIdOf('custom:size')).toBe('size');
    expect(customFieldIdOf('email')).toBeNull();
  });

  it('lets several columns share lists and notes only', () => {
    const shared: TargetId[] = [
      'additionalEmail',
      'additionalPhone',
      'tags',
      'interests',
      'notes',
      'ignore',
    ];
    expect(shared.every(isMultipleTarget)).toBe(true);
    expect(isMultipleTarget('email')).toBe(false);
    expect(isMultipleTarget('custom:size')).toBe(false);
  });

  it('tells a target id from any other string', () => {
    expect(['fullName', 'email', 'custom:size', 'ignore'].every(isTargetId)).toBe(true);
    expect(['name', 'custom:', 'custom:Bad Id', 'source'].some(isTargetId)).toBe(false);
  });
});
