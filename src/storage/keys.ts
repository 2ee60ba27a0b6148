/** Makes any string safe as a PartitionKey/RowKey: no / \ # ? or control characters, ≤ 1 KiB. */
export function encodeKey(value: string): string {
  const encoded = encodeURIComponent(value).replace(
    /[!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  if (encoded.length > 1024) throw new Error('key_too_long');
  return encoded;
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}
