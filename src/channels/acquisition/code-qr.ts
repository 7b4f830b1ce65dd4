// A code's QR image (PNG or SVG) for print and posters, drawn from its QR content with `qrcode`.
import QRCode from 'qrcode';
import type { Db } from '../../platform/store/database.js';
import { findCodeRow } from './code-view.js';

export async function codeQr(
  db: Db,
  workspaceId: string,
  id: string,
  format: 'png' | 'svg',
): Promise<{ body: ArrayBuffer | string; contentType: string }> {
  const code = await findCodeRow(db, workspaceId, id);
  if (format === 'svg')
    return {
      body: await QRCode.toString(code.qr_content, { type: 'svg', margin: 2 }),
      contentType: 'image/svg+xml',
    };
  const png = await QRCode.toBuffer(code.qr_content, { type: 'png', margin: 2, width: 512 });
  return { body: new Uint8Array(png).buffer, contentType: 'image/png' };
}
