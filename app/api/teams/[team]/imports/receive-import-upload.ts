// The upload request → saveImportUpload: a multipart form (field "file") or a raw text/csv body, streamed
// through busboy / the request stream so the file never sits whole in memory. Errors become HTTP bodies.
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError, errorResponse } from "@/lib/errors";
import { ImportTooLargeError, MAX_IMPORT_BYTES, saveImportUpload } from "@/lib/leads/import/save-import-upload";

const RAW_TYPES = /^(text\/csv|text\/plain|application\/csv|application\/octet-stream|application\/vnd\.ms-excel)\b/i;
const noFile = () => new AppError("invalid_input", "Choose a CSV file to upload.", { fields: { file: ["Choose a CSV file to upload."] } });

function multipartFile(req: Request, contentType: string, maxBytes: number): Promise<{ fileName: string; body: Readable }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: maxBytes + 1 } });
    } catch {
      return reject(new AppError("invalid_input", "The upload form is malformed; choose the file again."));
    }
    let found = false;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || found) return void stream.resume();
      found = true;
      resolve({ fileName: info.filename ?? "upload.csv", body: stream });
    });
    parser.on("close", () => (found ? undefined : reject(noFile())));
    parser.on("error", (error) => (found ? undefined : reject(new AppError("invalid_input", "The upload was interrupted; try again.", { cause: error }))));
    Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>).pipe(parser);
  });
}

export async function receiveImportUpload(
  req: Request,
  { teamId, userId, maxBytes = MAX_IMPORT_BYTES }: { teamId: string; userId: string | null; maxBytes?: number },
): Promise<Response> {
  try {
    const declared = Number(req.headers.get("content-length") ?? 0);
    // A multipart body carries a few hundred bytes of framing around the file.
    if (declared > maxBytes + 64 * 1024) throw new ImportTooLargeError(maxBytes);
    if (!req.body) throw noFile();
    const contentType = req.headers.get("content-type") ?? "";
    let upload: { fileName: string; body: Readable };
    if (/^multipart\/form-data/i.test(contentType)) upload = await multipartFile(req, contentType, maxBytes);
    else if (RAW_TYPES.test(contentType)) {
      const name = new URL(req.url).searchParams.get("fileName") ?? req.headers.get("x-file-name") ?? "upload.csv";
      upload = { fileName: name, body: Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>) };
    } else {
      throw new AppError("invalid_input", 'Send the file as multipart/form-data (field "file") or as a text/csv body.');
    }
    const { importId } = await saveImportUpload({ teamId, userId, fileName: upload.fileName, body: upload.body, maxBytes });
    return Response.json({ importId }, { status: 201 });
  } catch (error) {
    if (error instanceof ImportTooLargeError) {
      return Response.json({ error: { code: "too_large", message: error.message } }, { status: 413 });
    }
    return errorResponse(error, { route: "imports.upload" });
  }
}
