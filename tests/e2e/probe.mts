import { launchChromium } from './chromium';
import { FIXTURES, startServer } from './server';

const server = await startServer([FIXTURES]);
const b = await launchChromium();
for (const path of ['/self-mutating.html', '/demo.html']) {
  const page = await b.context.newPage();
  await page.goto(server.url(path));
  await page.waitForTimeout(1500);
  const r = await page.evaluate(async () => {
    const es = performance.getEntriesByName('palermo-lens:highlight') as PerformanceMeasure[];
    const st = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('dbg') || e.name.includes('startup')) as PerformanceMeasure[];
    return { startup: st.map((e) => [e.name, e.duration, e.detail]), passes: es.slice(0, 6).map((e) => e.detail) };
  });
  console.log(path, JSON.stringify(r, null, 0));
}
await b.close();
await server.close();
