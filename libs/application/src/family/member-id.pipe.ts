import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@nrm/http/problem';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Member, tracing and proceeding ids are UUIDs the node gave: anything else names nothing (404). */
@Injectable()
export class FamilyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID.test(value)) throw ProblemException.notFound();
    return value.toLowerCase();
  }
}
