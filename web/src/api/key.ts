/** The API key a user typed when the API asked for one (401): kept for this tab only (sessionStorage). */

const STORAGE_KEY = 'conflictkg.api-key';

export function storedKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the user is asked again
  }
}

export function storeKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the key lives only as long as this request
  }
}

let pending: Promise<string | null> | null = null;

/** Asks for a key in the page's dialog (one dialog for all requests that got a 401); null if cancelled. */
export function askForKey(): Promise<string | null> {
  pending ??= new Promise<string | null>((resolve) => {
    const dialog = document.getElementById('api-key') as HTMLDialogElement | null;
    if (!dialog) {
      resolve(null);
      return;
    }
    dialog.innerHTML = '';
    const form = document.createElement('form');
    form.method = 'dialog';
    form.innerHTML = `
      <h2 id="api-key-title">This API needs a key</h2>
      <p>Enter the API key you were given. It is kept in this tab only.</p>
      <label>API key <input name="key" type="password" required autocomplete="off"></label>
      <menu><button value="cancel" formnovalidate>Cancel</button> <button value="ok">Use key</button></menu>`;
    dialog.append(form);
    dialog.addEventListener(
      'close',
      () => {
        const input = form.elements.namedItem('key') as HTMLInputElement;
        const key = dialog.returnValue === 'ok' ? input.value.trim() || null : null;
        pending = null;
        storeKey(key);
        resolve(key);
      },
      { once: true },
    );
    dialog.showModal();
  });
  return pending;
}
