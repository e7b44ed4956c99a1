import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
