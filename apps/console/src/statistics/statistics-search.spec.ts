import { queryFromSearch } from './statistics-search';

describe('the statistics view in the URL', () => {
  it('reads the period and the years the API accepts', () => {
    expect(queryFromSearch(new URLSearchParams('period=quarter&from=2023&to=2025'))).toEqual({
      period: 'quarter',
      from: 2023,
      to: 2025,
    });
  });

  it('drops what the API would refuse instead of sending it', () => {
    expect(queryFromSearch(new URLSearchParams('period=month&from=20x5&to=2025'))).toEqual({ to: 2025 });
    expect(queryFromSearch(new URLSearchParams('from=2025&to=2024'))).toEqual({ from: 2025 });
  });
});
