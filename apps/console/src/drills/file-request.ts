// A file the api answers (an MSEL spreadsheet, an after-action report), fetched with the session's token: which one
// is on its way, and the api's refusal if it came to one.
import { useState } from 'react';
import { ApiError, asApiError, requestBlob } from '../api/client';
import { useSignedIn } from '../session/SessionProvider';

export function useFileRequest<Key extends string>() {
  const { token } = useSignedIn();
  const [pending, setPending] = useState<Key | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const fetchFile = async (key: Key, path: string, handle: (blob: Blob) => void): Promise<void> => {
    setPending(key);
    setError(undefined);
    try {
      handle(await requestBlob(path, { token }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(undefined);
    }
  };
  return { pending, error, fetchFile };
}
