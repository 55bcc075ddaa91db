import { PAGE_SIZE, queryFromSearch, searchWith } from './case-list-filters';

describe('the case list filters kept in the URL', () => {
  it('reads "only my cases" as mine=true, with the other filters', () => {
    expect(queryFromSearch(new URLSearchParams('mine=true&overdue=true&page=2'))).toEqual({
      mine: true,
      overdue: true,
      page: 2,
      pageSize: PAGE_SIZE,
    });
    expect(queryFromSearch(new URLSearchParams('mine=maybe'))).toEqual({ page: 1, pageSize: PAGE_SIZE });
  });

  it('turns the switch off by dropping mine, back on page 1', () => {
    const search = new URLSearchParams('mine=true&stage=registered&page=3');
    expect(searchWith(search, { mine: undefined }).toString()).toBe('stage=registered');
    expect(searchWith(new URLSearchParams('page=3'), { mine: 'true' }).toString()).toBe('mine=true');
  });
});
