import preparedMatcher from 'virtual:prepared-matcher';
import { render } from 'preact';
import { ReaderPage } from '../../components/reader/ReaderPage';

const root = document.getElementById('app');
if (root) render(<ReaderPage prepared={preparedMatcher} />, root);
