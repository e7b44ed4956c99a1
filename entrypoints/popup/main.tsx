import { render } from 'preact';
import { PopupPage } from '../../components/popup/PopupPage';

const root = document.getElementById('app');
if (root) render(<PopupPage />, root);
