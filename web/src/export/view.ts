/** "Export this view": a format and a link to /export with the view's seeds and window. */

import { request } from '../api';
import { storedKey } from '../api/key';
import type { Workbench } from '../context';
import { h } from '../ui/dom';
import { EXPORT_FORMATS, exportUrl } from './link';
import type { ExportFormat } from './link';

export function mountExport(root: HTMLElement, app: Workbench, timelineIds: () => readonly string[]): void {
  const format = h('select', { 'aria-label': 'Export format' }, EXPORT_FORMATS.map((f) => h('option', { value: f }, f)));
  const link = h('a', { class: 'button', download: '' }, 'Export this view');
  root.append(format, link);

  function update(): void {
    const url = exportUrl(app.store.state, format.value as ExportFormat, timelineIds());
    if (url) {
      link.href = url;
      link.removeAttribute('aria-disabled');
      link.title = 'Download the chosen actors, the selection (or the first timeline items) and their neighbours';
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
      link.title = 'Nothing to export: choose an actor or select an item';
    }
  }

  // A plain link downloads without headers; with an API key the file is fetched and saved instead.
  link.addEventListener('click', async (event) => {
    update();
    if (!storedKey() || !link.href) return;
    event.preventDefault();
    const response = await request(link.href);
    if (!response.ok) {
      app.announce(`Export failed: ${response.status} ${response.statusText}`);
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'conflictkg-export';
    const blobUrl = URL.createObjectURL(await response.blob());
    const save = h('a', { href: blobUrl, download: name });
    save.click();
    URL.revokeObjectURL(blobUrl);
  });
  link.addEventListener('focus', update);
  link.addEventListener('mouseenter', update);
  format.addEventListener('change', update);
  app.store.subscribe(update);
  document.addEventListener('timeline-loaded', update);
  update();
}
