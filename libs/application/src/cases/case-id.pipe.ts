import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@nrm/http/problem';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else cannot name a case, so it is a 404 rather than a lookup. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID.test(value)) throw ProblemException.notFound();
    return value.toLowerCase();
  }
}
