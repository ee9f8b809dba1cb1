import { describe, expect, it } from 'vitest';
import { parseScoreArguments } from '../../scripts/score/arguments';

const base = ['purchases.csv', '--calibration-end', '1997-09-30'];
const errorsOf = (...extra: string[]) => {
  const parsed = parseScoreArguments([...base, ...extra]);
  return parsed.ok ? [] : parsed.errors;
};

describe('score CLI arguments', () => {
  it('reads a valid command line, with the defaults where nothing is given', () => {
    expect(parseScoreArguments([...base, '--holdout-end', '1998-06-30', '--out', 'scores.csv', '--json', '--horizon-months', '24', '--annual-discount-rate', '0.08'])).toEqual({
      ok: true,
      args: { file: 'purchases.csv', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', out: 'scores.csv', json: true, horizonMonths: 24, annualDiscountRate: 0.08 },
    });
    expect(parseScoreArguments(base)).toMatchObject({ ok: true, args: { holdoutEnd: null, out: null, json: false, horizonMonths: 12, annualDiscountRate: 0.1 } });
  });

  it.each([
    [['--horizon-months=-5'], '--horizon-months must be from 1 to 600 months, got -5'],
    [['--horizon-months', '0'], '--horizon-months must be from 1 to 600 months, got 0'],
    [['--horizon-months', '2.7'], '--horizon-months must be a whole number of months, got 2.7'],
    [['--horizon-months', '0x10'], '--horizon-months must be a decimal number, got "0x10" (hexadecimal)'],
    [['--horizon-months', 'twelve'], '--horizon-months must be a number, got "twelve"'],
    [['--annual-discount-rate=-0.5'], '--annual-discount-rate cannot be negative, got -0.5'],
    [['--annual-discount-rate', '10'], '--annual-discount-rate must be a fraction from 0 to 1 (0.1 is 10 % a year), got 10 (for 10 % a year write 0.1)'],
    [['--annual-discount-rate', '0,1'], '--annual-discount-rate must be written with a decimal point, got "0,1": write 0.1'],
    [['--annual-discount-rate', '8%'], '--annual-discount-rate must be a fraction, got "8%": write 0.08'],
    [['--holdout-end', '1997-09-01'], '--holdout-end must be after --calibration-end 1997-09-30, got 1997-09-01'],
    [['--holdout-end', '1998-02-30'], '--holdout-end must be a date written YYYY-MM-DD, got "1998-02-30"'],
    [['--out='], '--out needs a file name'],
    [['--horizon', '3'], 'unknown option --horizon (did you mean --horizon-months?)'],
    [['--verbose'], 'unknown option --verbose'],
    [['other.csv'], 'give exactly one transactions CSV file, got 2'],
  ])('%j: %s', (extra, message) => {
    expect(errorsOf(...extra)).toEqual([message]);
  });

  it('says what is wrong with the calibration end', () => {
    expect(parseScoreArguments(['purchases.csv'])).toEqual({ ok: false, errors: ['--calibration-end is required'] });
    expect(parseScoreArguments(['purchases.csv', '--calibration-end', '30.09.1997'])).toEqual({
      ok: false,
      errors: ['--calibration-end must be a date written YYYY-MM-DD, got "30.09.1997"'],
    });
  });

  it('gives one message per bad argument', () => {
    expect(errorsOf('--horizon-months', '-5', '--annual-discount-rate', '-0.5', '--holdout-end', 'soon')).toEqual([
      '--holdout-end must be a date written YYYY-MM-DD, got "soon"',
      '--horizon-months must be from 1 to 600 months, got -5',
      '--annual-discount-rate cannot be negative, got -0.5',
    ]);
  });
});
