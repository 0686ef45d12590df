// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { App } from '../../src/ui/App';

it('shows the product title', () => {
  render(<App />);
  expect(screen.getByRole('heading', { name: 'Argoflow Studio' })).toBeInTheDocument();
});
