// The open pixel: a 1×1 image at the end of the body, pointing at /t/o/<signed token>.
import { insertBeforeBodyEnd } from "@/lib/email/mime/insert-before-body-end";
import { escapeHtml } from "@/lib/email/render/html-entities";

export function addOpenPixel(html: string, pixelUrl: string): string {
  const img =
    `<img src="${escapeHtml(pixelUrl)}" width="1" height="1" alt="" ` +
    `style="display:block;width:1px;height:1px;border:0;margin:0;padding:0" />`;
  return insertBeforeBodyEnd(html, img);
}
