import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@nrm/http/problem';

/** A log position is a positive integer; anything else names no event (404, like an unknown case id). */
@Injectable()
export class LogPositionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const position = /^[1-9][0-9]{0,14}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(position)) throw ProblemException.notFound();
    return position;
  }
}
