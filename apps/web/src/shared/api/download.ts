import { ApiError } from './api-error';
import { session } from './client';

/** The file name in a `Content-Disposition` header, if it names one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("?)([^";]+)\1/i.exec(disposition);
  return plain ? plain[2].trim() : fallback;
}

/**
 * Downloads an API file with the session's token (a plain link would go without it: the token is not a
 * cookie). The browser saves it under the server's file name.
 */
export async function downloadFile(url: string): Promise<void> {
  let response: Response;
  try {
    response = await session.authorizedFetch(new Request(new URL(url, window.location.origin)));
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!response.ok) {
    throw ApiError.fromResponse(response.status, await response.json().catch(() => null));
  }
  const fallback = new URL(url, window.location.origin).pathname.split('/').pop() || 'download';
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallback);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
